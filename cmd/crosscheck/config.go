package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/compare/config"
	"github.com/crosscheck/crosscheck/rules"
)

// configFlags select the config file.
type configFlags struct {
	path     string
	noConfig bool
}

func (f *configFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.path, "config", "", "config file (default: "+config.FileName+" from the working directory up to the repository root)")
	cmd.Flags().BoolVar(&f.noConfig, "no-config", false, "ignore any "+config.FileName)
}

// load finds and reads the config; no file means the defaults.
func (f *configFlags) loadConfig() (*config.Config, error) {
	if f.noConfig {
		return config.Default(), nil
	}
	p := f.path
	if p == "" {
		found, err := config.Find(".")
		if err != nil {
			return nil, err
		}
		if found == "" {
			return config.Default(), nil
		}
		p = relToWD(found)
	}
	c, err := config.Load(p, config.Options{KnownRule: func(name string) bool {
		_, err := rules.Get(name)
		return err == nil
	}})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// relToWD shortens an absolute path to one relative to the working
// directory when it lies below it or near it, for messages.
func relToWD(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	r, err := filepath.Rel(wd, p)
	if err != nil {
		return p
	}
	return r
}

func newConfigCmd(env *cliEnv) *cobra.Command {
	f := &configFlags{}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value comes from",
		Long: `Config reads ` + config.FileName + ` (found from the working directory up to the repository
root, or --config) and the files it extends, and prints every value with the file:line:column
it comes from; values no file sets are marked default.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := f.loadConfig()
			if err != nil {
				return err
			}
			if err := c.Print(env.stdout); err != nil {
				return fmt.Errorf("config: %w", err)
			}
			return nil
		},
	}
	f.register(cmd)
	return cmd
}
