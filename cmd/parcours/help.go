package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"parcours/model/msg"
)

func runHelp(e *env, p *parser, args []string) error {
	if len(args) == 0 {
		return generalHelp(e.stdout)
	}
	c := lookup(args[0])
	if c == nil {
		return usage("cli.unknown_command", args[0])
	}
	return commandHelp(e.stdout, c)
}

// generalHelp lists every command.
func generalHelp(w io.Writer) error {
	fmt.Fprintf(w, "%s\n\n%s\n", msg.T("cli.help.intro"), msg.T("cli.help.usage"))
	fmt.Fprintf(w, "  parcours [FILE.parcours]\n      %s\n", msg.T("cli.help.gui"))
	for _, c := range commands {
		fmt.Fprintf(w, "  parcours %s\n      %s\n", c.synopsis, msg.T("cli.help."+c.name))
	}
	_, err := fmt.Fprintf(w, "\n%s\n", msg.T("cli.help.footer"))
	return err
}

// commandHelp shows one command's usage and options.
func commandHelp(w io.Writer, c *command) error {
	fmt.Fprintf(w, "%s parcours %s\n\n%s\n", msg.T("cli.help.usage"), c.synopsis, msg.T("cli.help."+c.name))
	if len(c.flags) > 0 {
		fmt.Fprintf(w, "\n%s\n", msg.T("cli.help.options"))
		tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
		for _, f := range c.flags {
			fmt.Fprintf(tw, "  %s %s\t%s\n", flagName(f.name), f.value, msg.T(f.help))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
