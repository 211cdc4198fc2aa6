package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// watchedWriter keeps the first error of the writes made through it, so
// that a result depbox could not write (a full disk, a closed pipe,
// /dev/full) never passes for a success: Main checks stdout's after every
// command, outputFile's Close checks a file's.
type watchedWriter struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

func (w *watchedWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(b)
	if err == nil && n < len(b) {
		err = io.ErrShortWrite
	}
	w.err = err
	return n, err
}

// Err returns the first write error.
func (w *watchedWriter) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Fd is the underlying file's descriptor, so that report.ColorFor still
// recognises a terminal; not a valid descriptor otherwise.
func (w *watchedWriter) Fd() uintptr {
	if f, ok := w.w.(interface{ Fd() uintptr }); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

// outputFile is a command's -o FILE, or stdout for "" and "-".
type outputFile struct {
	*watchedWriter
	name   string
	f      *os.File
	stdout bool
}

// createOutput opens where a command's output goes.
func (e *env) createOutput(name string) (*outputFile, error) {
	if name == "" || name == "-" {
		// Main reports what could not be written to stdout.
		return &outputFile{watchedWriter: &watchedWriter{w: e.stdout}, name: "stdout", stdout: true}, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, usageErr(fmt.Errorf("creating the output file: %w", err))
	}
	return &outputFile{watchedWriter: &watchedWriter{w: f}, name: name, f: f}, nil
}

// Close closes the file and reports the first write or close error, as an
// analysis failure (exit 3): the output is lost.
func (o *outputFile) Close() error {
	err := o.Err()
	if o.stdout {
		return nil
	}
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
		o.f = nil
	}
	if err != nil {
		return analysisErr(fmt.Errorf("writing the output to %s: %w", o.name, err))
	}
	return nil
}

// closeOutput closes o and returns the command's error, or the write error
// when there is one and the command succeeded or only found findings:
// output that was lost outranks both.
func closeOutput(o *outputFile, err error) error {
	cerr := o.Close()
	if cerr != nil && (err == nil || exitCode(err) == ExitFindings) {
		return cerr
	}
	return err
}

// exitCode is the exit code an error from a command stands for.
func exitCode(err error) int {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitAnalysis
}

// lostOutput turns a command's exit code into the one depbox exits with
// when what it wrote to stdout was lost: never a success, never merely
// "findings" (nobody saw them).
func lostOutput(code int, werr error, stderr io.Writer) int {
	if werr == nil {
		return code
	}
	fmt.Fprintf(stderr, "depbox: writing to stdout: %v\n", werr)
	if code == ExitOK || code == ExitFindings {
		return ExitAnalysis
	}
	return code
}
