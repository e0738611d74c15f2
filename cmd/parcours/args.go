package main

import (
	"errors"
	"flag"
	"io"
	"strings"

	"parcours/model/msg"
)

// usageError is a mistake in the command line itself: exit status 2.
type usageError struct{ text string }

func (e *usageError) Error() string { return e.text }

func usage(key string, args ...any) error { return &usageError{msg.T(key, args...)} }

// failure is work that could not be done: exit status 1.
func failure(key string, args ...any) error { return errors.New(msg.T(key, args...)) }

// errHelp asks for the command's help (-h, --help): printed on stdout, exit 0.
var errHelp = errors.New("help requested")

// option is a string flag that remembers whether it was given and refuses
// to be given twice.
type option struct {
	name  string
	value string
	set   bool
	p     *parser
}

func (o *option) String() string { return o.value }

func (o *option) Set(s string) error {
	if o.set {
		o.p.err = usage("cli.flag_twice", flagName(o.name))
		return o.p.err
	}
	o.value, o.set = s, true
	return nil
}

// parser reads one command's options, before or after its arguments.
type parser struct {
	cmd  *command
	fs   *flag.FlagSet
	opts map[string]*option
	err  error // the first error an option's Set reported
}

func newParser(c *command) *parser {
	p := &parser{cmd: c, fs: flag.NewFlagSet(c.name, flag.ContinueOnError), opts: map[string]*option{}}
	p.fs.SetOutput(io.Discard)
	p.fs.Usage = func() {}
	for _, f := range c.flags {
		o := &option{name: f.name, p: p}
		p.opts[f.name] = o
		p.fs.Var(o, f.name, "")
	}
	return p
}

// get returns the option's value and whether it was given.
func (p *parser) get(name string) (string, bool) {
	o := p.opts[name]
	return o.value, o.set
}

// parse returns the positional arguments. Options may come anywhere: after
// each argument the rest is parsed again. "--" ends the options.
func (p *parser) parse(args []string) ([]string, error) {
	pos := []string{}
	for {
		if err := p.fs.Parse(args); err != nil {
			return nil, p.translate(err, args)
		}
		rest := p.fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// translate words the flag package's English errors in the user's language.
func (p *parser) translate(err error, args []string) error {
	if p.err != nil {
		return p.err
	}
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	s := err.Error()
	if name, ok := strings.CutPrefix(s, "flag provided but not defined: -"); ok {
		return usage("cli.unknown_flag", asTyped(name, args), p.cmd.name, p.cmd.name)
	}
	if name, ok := strings.CutPrefix(s, "flag needs an argument: -"); ok {
		return usage("cli.flag_needs_value", asTyped(name, args), p.cmd.name)
	}
	if arg, ok := strings.CutPrefix(s, "bad flag syntax: "); ok {
		return usage("cli.bad_flag", arg, p.cmd.name)
	}
	return &usageError{s}
}

// asTyped finds how the user wrote option name ("-x", "--x", "--x=1"),
// without its value.
func asTyped(name string, args []string) string {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if n == name {
			typed, _, _ := strings.Cut(a, "=")
			return typed
		}
	}
	return flagName(name)
}

// flagName is how help and messages write an option: -o, --format.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// choice checks that value (compared without case) is one of choices and
// returns it in the choices' spelling.
// choose is the value of option among choices, the first of them when the
// option is not given.
func (p *parser) choose(option string, choices ...string) (string, error) {
	v, ok := p.get(option)
	if !ok {
		return choices[0], nil
	}
	return choice(option, v, choices...)
}

func choice(option, value string, choices ...string) (string, error) {
	for _, c := range choices {
		if strings.EqualFold(value, c) {
			return c, nil
		}
	}
	return "", usage("cli.bad_value", value, flagName(option), orList(choices))
}

// orList joins choices as "a, b or c" in the user's language.
func orList(choices []string) string {
	if len(choices) == 1 {
		return choices[0]
	}
	return msg.T("cli.or", strings.Join(choices[:len(choices)-1], ", "), choices[len(choices)-1])
}
