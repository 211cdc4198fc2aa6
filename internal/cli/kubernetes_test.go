package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// k8sObject is the part of a rendered Kubernetes object the test reads.
type k8sObject struct {
	Kind     string
	Metadata struct{ Name string }
	Data     map[string]string
	Spec     struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int
		Parallelism    int
		Template       struct {
			Spec struct {
				RestartPolicy string `yaml:"restartPolicy"`
				Containers    []struct {
					Name            string
					Image           string
					Command, Args   []string
					Env             []struct{ Name, Value string }
					SecurityContext struct{ Privileged bool } `yaml:"securityContext"`
					Resources       struct {
						Requests map[string]string
					}
					VolumeMounts []struct {
						Name      string
						MountPath string `yaml:"mountPath"`
						ReadOnly  bool   `yaml:"readOnly"`
					} `yaml:"volumeMounts"`
				}
				Volumes []struct {
					Name                  string
					ConfigMap             *struct{ Name string } `yaml:"configMap"`
					PersistentVolumeClaim *struct {
						ClaimName string `yaml:"claimName"`
						ReadOnly  bool   `yaml:"readOnly"`
					} `yaml:"persistentVolumeClaim"`
				}
			}
		}
	}
}

// kustomize renders a kustomization of deploy/kubernetes with kubectl.
func kustomize(t *testing.T, dir string) []k8sObject {
	t.Helper()
	kubectl, err := exec.LookPath("kubectl")
	if err != nil {
		t.Skip("kubectl is not installed: cannot render deploy/kubernetes (install kubectl to run this test)")
	}
	out, err := exec.Command(kubectl, "kustomize", dir).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("kubectl kustomize %s: %v\n%s", dir, err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var objs []k8sObject
	dec := yaml.NewDecoder(bytes.NewReader(out))
	for {
		var o k8sObject
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("rendered YAML: %v\n%s", err, out)
		}
		objs = append(objs, o)
	}
	return objs
}

func find(t *testing.T, objs []k8sObject, kind, namePrefix string) k8sObject {
	t.Helper()
	for _, o := range objs {
		if o.Kind == kind && strings.HasPrefix(o.Metadata.Name, namePrefix) {
			return o
		}
	}
	t.Fatalf("no %s %s* in the rendered manifests", kind, namePrefix)
	return k8sObject{}
}

// checkFlags checks that the depbox command at path has every --flag the
// script passes.
func checkFlags(t *testing.T, script string, path ...string) {
	t.Helper()
	e := &env{stdout: io.Discard, stderr: io.Discard}
	cmd, _, err := newRootCmd(e).Find(path)
	if err != nil || cmd.Name() != path[len(path)-1] {
		t.Fatalf("no command depbox %s: %v", strings.Join(path, " "), err)
	}
	for _, m := range regexp.MustCompile(`(?:^|\s)--([a-z][a-z0-9-]*)`).FindAllStringSubmatch(script, -1) {
		if cmd.Flags().Lookup(m[1]) == nil && cmd.InheritedFlags().Lookup(m[1]) == nil && !hasPersistent(cmd, m[1]) {
			t.Errorf("the manifest passes --%s, which depbox %s does not have", m[1], strings.Join(path, " "))
		}
	}
}

func hasPersistent(cmd *cobra.Command, name string) bool {
	for c := cmd; c != nil; c = c.Parent() {
		if c.PersistentFlags().Lookup(name) != nil {
			return true
		}
	}
	return false
}

// TestKubernetesAuditJob renders the kustomize base and checks the Indexed
// Job against the CLI: one shard count everywhere, flags depbox has, the
// list, results and advisory volumes where the command expects them; then
// runs the pod's script with a stand-in depbox to check the shard it asks
// for and what it does with each exit code.
func TestKubernetesAuditJob(t *testing.T) {
	root := filepath.Join("..", "..", "deploy", "kubernetes")
	objs := kustomize(t, root)
	job := find(t, objs, "Job", "depbox-audit")
	shards := find(t, objs, "ConfigMap", "depbox-audit-shards").Data["shards"]
	list := find(t, objs, "ConfigMap", "depbox-audit-list")
	if job.Spec.CompletionMode != "Indexed" || job.Spec.Template.Spec.RestartPolicy != "Never" {
		t.Errorf("completionMode %q, restartPolicy %q: want an Indexed Job whose failed pods are not restarted in place", job.Spec.CompletionMode, job.Spec.Template.Spec.RestartPolicy)
	}
	c := job.Spec.Template.Spec.Containers[0]
	env := map[string]string{}
	for _, e := range c.Env {
		env[e.Name] = e.Value
	}
	if shards == "" || env["AUDIT_SHARDS"] != shards || job.Spec.Completions == 0 || strconv.Itoa(job.Spec.Completions) != shards || strconv.Itoa(job.Spec.Parallelism) != shards {
		t.Errorf("shards %q, AUDIT_SHARDS %q, completions %d, parallelism %d: want one shard count", shards, env["AUDIT_SHARDS"], job.Spec.Completions, job.Spec.Parallelism)
	}
	if !c.SecurityContext.Privileged || c.Resources.Requests["cpu"] == "" || c.Resources.Requests["memory"] == "" {
		t.Errorf("container: privileged %v, requests %v", c.SecurityContext.Privileged, c.Resources.Requests)
	}
	script := strings.Join(c.Args, " ")
	checkFlags(t, script, "audit")
	for _, want := range []string{"depbox audit --from ", "--format jsonl", "$((JOB_COMPLETION_INDEX+1))", `--shard "$i/$AUDIT_SHARDS"`} {
		if !strings.Contains(script, want) {
			t.Errorf("the pod's command lacks %q:\n%s", want, script)
		}
	}
	mounts := map[string]string{} // volume → mount path
	readOnly := map[string]bool{}
	for _, m := range c.VolumeMounts {
		mounts[m.Name], readOnly[m.Name] = m.MountPath, m.ReadOnly
	}
	for _, v := range job.Spec.Template.Spec.Volumes {
		switch {
		case v.ConfigMap != nil && v.ConfigMap.Name == list.Metadata.Name:
			if f := regexp.MustCompile(`--from (\S+)`).FindStringSubmatch(script); f == nil || filepath.Dir(f[1]) != mounts[v.Name] || list.Data[filepath.Base(f[1])] == "" {
				t.Errorf("--from %v is not the list ConfigMap's file (mounted at %s, keys %v)", f, mounts[v.Name], list.Data)
			}
		case v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == "depbox-advisories":
			if !readOnly[v.Name] || !v.PersistentVolumeClaim.ReadOnly || !strings.Contains(script, "--osv-db "+mounts[v.Name]) {
				t.Errorf("the advisory database must be mounted read-only and passed as --osv-db %s", mounts[v.Name])
			}
		case v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == "depbox-audit-results":
			if !strings.Contains(script, `out="`+mounts[v.Name]+"/shard-$i.jsonl") {
				t.Errorf("the shard's output is not on the results volume (%s)", mounts[v.Name])
			}
		}
	}

	// The script, with a stand-in depbox that records its arguments and
	// exits with the code it is told to.
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no /bin/sh to run the pod's script")
	}
	for _, tc := range []struct {
		code, want int
		output     bool
	}{{0, 0, true}, {3, 0, true}, {2, 2, false}, {1, 1, false}} {
		dir := t.TempDir()
		bin := filepath.Join(dir, "bin")
		if err := os.Mkdir(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		stub := "#!/bin/sh\necho \"$@\" > \"" + dir + "/args\"\nwhile [ $# -gt 0 ]; do [ \"$1\" = -o ] && echo '{}' > \"$2\"; shift; done\nexit " + strconv.Itoa(tc.code) + "\n"
		if err := os.WriteFile(filepath.Join(bin, "depbox"), []byte(stub), 0o755); err != nil {
			t.Fatal(err)
		}
		results := filepath.Join(dir, "results")
		if err := os.Mkdir(results, 0o755); err != nil {
			t.Fatal(err)
		}
		sh := exec.Command("sh", "-c", strings.ReplaceAll(script, mounts["results"], results))
		sh.Env = []string{"PATH=" + bin + ":/usr/bin:/bin", "JOB_COMPLETION_INDEX=2", "AUDIT_SHARDS=" + shards}
		err := sh.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		args, _ := os.ReadFile(filepath.Join(dir, "args"))
		_, statErr := os.Stat(filepath.Join(results, "shard-3.jsonl"))
		if code != tc.want || !strings.Contains(string(args), "--shard 3/"+shards+" ") || (statErr == nil) != tc.output {
			t.Errorf("depbox exiting %d: the pod exits %d (want %d), output in place %v (want %v), args %q", tc.code, code, tc.want, statErr == nil, tc.output, args)
		}
	}
}

// TestKubernetesMergeJob checks the merge Job's command against the CLI.
func TestKubernetesMergeJob(t *testing.T) {
	objs := kustomize(t, filepath.Join("..", "..", "deploy", "kubernetes", "merge"))
	job := find(t, objs, "Job", "depbox-audit-merge")
	script := strings.Join(job.Spec.Template.Spec.Containers[0].Args, " ")
	checkFlags(t, script, "audit", "merge")
	if !strings.Contains(script, "depbox audit merge /results/shard-*.jsonl") {
		t.Errorf("the merge Job does not merge the shards' outputs: %s", script)
	}
}
