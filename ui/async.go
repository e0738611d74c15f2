package ui

import "fyne.io/fyne/v2"

// background runs work off the UI goroutine and hands its result back to
// done on the UI goroutine. It is the one place the editor crosses
// goroutines: every UI change from other goroutines goes through here.
func background(work func() error, done func(error)) {
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}
