// Command dossier extracts source-linked arms-transfer and event records
// from news articles.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `dossier: source-linked records of who arms whom, from the news

usage:
  dossier extract [--format jsonl|json|table] FILE...   extract records from articles (- reads standard input)
  dossier help                                          this text
`

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err == nil {
		return
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(os.Stderr, "dossier: %v\n\n%s", err, usage)
		os.Exit(2)
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(os.Stderr, "dossier: %v\n", err)
	}
	os.Exit(1)
}

// errReported says the failure was already written to standard error.
var errReported = errors.New("failed; see the messages above")

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"no command given"}
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}
