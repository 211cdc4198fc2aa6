package cli

import (
	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/internal/runner"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:    "sandbox-init",
			Short:  "depbox's init process inside the sandbox (not for direct use)",
			Hidden: true,
			Args:   cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				return runner.Run(cmd.Context(), e.v.GetString("plan"), e.v.GetString("results"), e.stdout)
			},
		}
		cmd.Flags().String("plan", plan.PlanPath, "plan to execute")
		cmd.Flags().String("results", plan.ResultsPath, "where to write results")
		return cmd
	})
}
