package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	Op, Args string
}

// stage is one FROM … AS name of the Dockerfile.
type stage struct {
	Name, From string
	Steps      []instruction
}

// readDockerfile returns the global ARGs and the stages of the Dockerfile.
func readDockerfile(t *testing.T, path string) (map[string]string, []stage) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	args := map[string]string{}
	var stages []stage
	var cur strings.Builder
	flush := func() {
		line := strings.TrimSpace(cur.String())
		cur.Reset()
		if line == "" {
			return
		}
		op, rest, _ := strings.Cut(line, " ")
		in := instruction{Op: strings.ToUpper(op), Args: strings.Join(strings.Fields(rest), " ")}
		switch {
		case in.Op == "FROM":
			f := strings.Fields(in.Args)
			st := stage{From: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				st.Name = f[2]
			}
			stages = append(stages, st)
		case in.Op == "ARG" && len(stages) == 0:
			k, v, _ := strings.Cut(in.Args, "=")
			args[k] = v
		case len(stages) > 0:
			stages[len(stages)-1].Steps = append(stages[len(stages)-1].Steps, in)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(s + " ")
			continue
		}
		cur.WriteString(line)
		flush()
	}
	flush()
	return args, stages
}

// makePrerequisites returns the prerequisites of a Makefile target.
func makePrerequisites(t *testing.T, makefile []byte, target string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(target) + `:([^=\n]*)$`).FindSubmatch(makefile)
	if m == nil {
		t.Fatalf("the Makefile has no target %s", target)
	}
	return strings.Fields(string(m[1]))
}

// TestDockerfileBuildsWithMakefile checks that the image's depbox and runsc
// are built by the Makefile's own targets (so with its exact commands: runsc
// from the gVisor version pinned in go.mod) with the Go version of go.mod,
// and that the runtime stage takes exactly what `make build` produced.
func TestDockerfileBuildsWithMakefile(t *testing.T) {
	root := filepath.Join("..", "..")
	args, stages := readDockerfile(t, filepath.Join(root, "Dockerfile"))
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if goVersion == nil || args["GO_VERSION"] != string(goVersion[1]) {
		t.Errorf("the Dockerfile's GO_VERSION is %q, go.mod says go %s: keep them equal", args["GO_VERSION"], goVersion[1])
	}
	if len(stages) != 2 || stages[0].Name != "build" || !strings.HasPrefix(stages[0].From, "golang:${GO_VERSION}") {
		t.Fatalf("want two stages, build (FROM golang:${GO_VERSION}…) and the runtime; got %+v", stages)
	}
	built := makePrerequisites(t, makefile, "build")
	made := false
	for _, in := range stages[0].Steps {
		if in.Op != "RUN" {
			continue
		}
		if strings.Contains(in.Args, "go build") || strings.Contains(in.Args, "go install") {
			t.Errorf("the build stage compiles on its own (%q): build with the Makefile's targets", in.Args)
		}
		if i := strings.Index(in.Args, "make "); i >= 0 {
			for _, w := range strings.Fields(in.Args[i+len("make "):]) {
				if strings.Contains(w, "=") || strings.HasPrefix(w, "-") {
					continue // a variable or an option
				}
				makePrerequisites(t, makefile, w) // the target exists
				if w == "build" {
					made = true
				}
			}
		}
	}
	if !made {
		t.Errorf("the build stage does not run make build")
	}
	var copied []string
	for _, in := range stages[1].Steps {
		if in.Op == "COPY" && strings.HasPrefix(in.Args, "--from=build ") {
			f := strings.Fields(in.Args)
			for _, src := range f[1 : len(f)-1] {
				copied = append(copied, strings.TrimPrefix(src, "/src/"))
			}
			if dst := f[len(f)-1]; dst != "/usr/local/bin/" {
				t.Errorf("the binaries go to %s: depbox finds runsc beside itself in /usr/local/bin/", dst)
			}
		}
	}
	slices.Sort(copied)
	slices.Sort(built)
	if !slices.Equal(copied, built) {
		t.Errorf("the runtime stage copies %v from the build stage, make build produces %v", copied, built)
	}
}

// TestDockerImage builds the image and runs depbox in it, when this machine
// has a container engine that can. Every reason it cannot is said by name.
func TestDockerImage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds runsc inside a container image: skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	engine := ""
	for _, e := range []string{"podman", "docker"} {
		if p, err := exec.LookPath(e); err == nil {
			if out, err := exec.Command(p, "info").CombinedOutput(); err == nil {
				engine = p
				break
			} else {
				t.Logf("%s is installed but not usable: %v: %s", e, err, lastLine(out))
			}
		}
	}
	if engine == "" {
		t.Skip("no usable container engine (podman or docker with a running daemon): install Debian's podman to build and run the image in this test; TestDockerfileBuildsWithMakefile still checks the Dockerfile")
	}
	args, stages := readDockerfile(t, filepath.Join(root, "Dockerfile"))
	tag := fmt.Sprintf("localhost/depbox-test:%d", time.Now().UnixNano())
	// The base images come from a registry: when it cannot be reached,
	// that is the reason, and only this test is skipped.
	for _, st := range stages {
		ref := st.From
		for k, v := range args {
			ref = strings.ReplaceAll(ref, "${"+k+"}", v)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		out, err := exec.CommandContext(ctx, engine, "pull", "docker.io/library/"+ref).CombinedOutput()
		cancel()
		if err != nil {
			t.Skipf("%s cannot pull the base image %s (%v): %s — this machine reaches no container registry, so the image cannot be built here", filepath.Base(engine), ref, err, lastLine(out))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, engine, "build", "-t", tag, "--build-arg", "VERSION=test", root)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s build: %v\n%s", engine, err, out)
	}
	t.Cleanup(func() { _ = exec.Command(engine, "rmi", "-f", tag).Run() })
	out, err := exec.CommandContext(ctx, engine, "run", "--rm", "--privileged", tag, "version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "test") {
		t.Errorf("depbox version in the image: %v\n%s", err, out)
	}
	out, err = exec.CommandContext(ctx, engine, "run", "--rm", "--privileged", "--shm-size=2g", tag, "doctor").CombinedOutput()
	if err != nil {
		t.Errorf("depbox doctor in the image (a sandbox run): %v\n%s", err, out)
	}
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}
