package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/compare/config"
)

// starterConfig is what `crosscheck init` writes: every section, with the
// non-default values commented out, so that it changes nothing until the
// user edits it. testdata/cli/init.txtar keeps it loadable.
const starterConfig = `# crosscheck configuration. See docs/configuration.md.
# crosscheck reads this file from the working directory up to the repository root;
# ` + "`crosscheck config`" + ` prints the effective configuration and where each value came from.

# Another config to start from; this file's keys override it, key by key.
# extends: ../shared/crosscheck.yaml

# Exit 1 when a finding has this severity or higher (error, warning, info, none).
fail_on: error

# Per rule: on, off, a severity (error, warning, info), or {enabled: …, severity: …}.
# ` + "`crosscheck rules`" + ` lists the rules.
rules:
  # agreement: off
  # era-mismatch: warning

# Per-path overrides, by glob relative to this file (** spans directories); later ones win.
# overrides:
#   - paths: ["archive/**"]
#     rules:
#       office-anachronism: off
#   - paths: ["drafts/**", "*.html"]
#     rules:
#       weekday-mismatch: warning

# Tolerances: dates that agree at this granularity (day, week, month, year) are not a
# contradiction; figures within this fraction of each other (0.05 = 5%) are not either.
tolerances:
  date: day
  number: 0

# Extra knowledge-base facts (people, offices, terms, aliases) in the kb file format.
# kb:
#   files: [facts/newsroom.yaml]
#   facts:
#     people:
#       - {id: jane-doe, name: Jane Doe, aliases: [J. Doe], source: "newsroom style guide"}

# User claim patterns: a regular expression whose named groups fill a claim; the
# pattern's name is the rule name of its findings. compare: equal, interval or set.
# patterns:
#   - name: death-toll
#     regex: '(?P<n>\d[\d,]*) (?:people|civilians) (?:were )?killed'
#     kind: quantity
#     subject: attack
#     attr: killed
#     value: $n
#     compare: interval
#     tolerance: 0.1
#     severity: warning
`

func newInitCmd(env *cliEnv) *cobra.Command {
	var force, stdout bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter " + config.FileName + " in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if stdout {
				_, err := fmt.Fprint(env.stdout, starterConfig)
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			fh, err := os.OpenFile(config.FileName, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s exists; use --force to overwrite it", config.FileName)
			}
			if err != nil {
				return fmt.Errorf("init: %w", err)
			}
			if _, err := fh.WriteString(starterConfig); err != nil {
				fh.Close()
				return fmt.Errorf("init: %w", err)
			}
			if err := fh.Close(); err != nil {
				return fmt.Errorf("init: %w", err)
			}
			fmt.Fprintf(env.stdout, "wrote %s; `crosscheck config` shows the effective configuration\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName)
	cmd.Flags().BoolVar(&stdout, "stdout", false, "print the starter config instead of writing it")
	return cmd
}
