// Command crosscheck reads several news articles about one story and
// reports where they agree, where they contradict each other, and where a
// claim is out of its time.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	ExitOK       = 0 // no finding at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on, or over a --max limit
	ExitError    = 2 // usage or input error
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// run executes the command line in-process and returns the exit code; it
// never panics on input and prints errors as one line on stderr.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "crosscheck: internal error: %v (please report this)\n", r)
			code = ExitError
		}
	}()
	env := &cliEnv{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(env)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	if e, ok := err.(exitError); ok {
		return e.code
	}
	fmt.Fprintf(stderr, "crosscheck: %s\n", oneLine(err.Error()))
	return ExitError
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cliEnv is what the subcommands share: the streams, nothing global.
type cliEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func newRoot(env *cliEnv) *cobra.Command {
	root := &cobra.Command{
		Use:   "crosscheck",
		Short: "Cross-check news articles about one story: agreements, contradictions, anachronisms",
		Long: `crosscheck reads several articles about the same story and reports where they agree,
where they contradict each other or themselves, and where a claim is out of its time
(an official named after leaving office or dying, a "former" president who is in office).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return fmt.Errorf("%w (see --help)", err) })
	root.AddCommand(
		newCheckCmd(env),
		newExtractCmd(env),
		newRulesCmd(env),
		newConfigCmd(env),
		newInitCmd(env),
		kbCommand(loadEmbeddedKB),
		newCorpusCmd(env),
	)
	return root
}
