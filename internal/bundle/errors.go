package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrInput is matched (errors.Is) by every error that is the bundle's fault:
// hostile or malformed archives and files, unsupported content, exceeded
// limits. Callers report these as input errors (exit code 2); any other error
// returned by Open is an internal or I/O failure.
var ErrInput = errors.New("invalid bundle")

// InputError describes a problem with the bundle. errors.Is(err, ErrInput)
// reports true for it.
type InputError struct {
	// Path is the bundle-relative path (or zip entry name) of the offending
	// file, or the source path when the bundle as a whole is at fault.
	Path string
	// Limit names the Options field whose limit was exceeded ("MaxFiles",
	// "MaxTotalBytes", "MaxFileBytes") or "compression ratio"; "" otherwise.
	Limit string
	// Msg says what is wrong and what to do about it.
	Msg string
	// Err is the underlying cause, if any.
	Err error
}

func (e *InputError) Error() string {
	var b bytes.Buffer
	b.WriteString(ErrInput.Error())
	if e.Path != "" {
		fmt.Fprintf(&b, ": %s", e.Path)
	}
	if e.Msg != "" {
		fmt.Fprintf(&b, ": %s", e.Msg)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *InputError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrInput) true for every InputError.
func (e *InputError) Is(target error) bool { return target == ErrInput }

func inputErr(p, format string, args ...any) *InputError {
	return &InputError{Path: p, Msg: fmt.Sprintf(format, args...)}
}

func limitErr(p, limit, format string, args ...any) *InputError {
	return &InputError{Path: p, Limit: limit, Msg: fmt.Sprintf(format, args...)}
}

// jsonError turns a JSON decoding error of file into an InputError that names
// the line and column of the problem.
func jsonError(file string, data []byte, err error, what string) error {
	off := int64(-1)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	msg := "malformed JSON"
	if off >= 0 {
		line, col := lineCol(data, off)
		msg = fmt.Sprintf("malformed JSON at line %d, column %d", line, col)
	}
	return &InputError{Path: file, Msg: msg + "; " + what, Err: err}
}

// lineCol returns the 1-based line and column of the byte just before
// offset off (encoding/json offsets count the bytes read so far).
func lineCol(data []byte, off int64) (line, col int) {
	i := int(off) - 1
	if i < 0 {
		i = 0
	}
	if i > len(data) {
		i = len(data)
	}
	before := data[:i]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = i - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
