package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"sevclass": func(s verdict.Severity) string {
		if s == 0 {
			return "none"
		}
		return s.String()
	},
	"upper": strings.ToUpper,
	"code":  codeSpans,
	"join":  strings.Join,
	"label": depLabel,
	"rule": func(id string) verdict.Rule {
		r, _ := verdict.Lookup(id)
		return r
	},
	"anchor": func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			} else {
				b.WriteByte('-')
			}
		}
		return b.String()
	},
}).Parse(htmlSource))

// codeSpans escapes text and renders `quoted` parts as <code>.
func codeSpans(s string) template.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		// An unmatched backtick: no code spans.
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
		} else {
			b.WriteString(template.HTMLEscapeString(p))
		}
	}
	return template.HTML(b.String())
}

type htmlFinding struct {
	verdict.Finding
	ID      string
	Failing bool
}

type htmlData struct {
	R         *Report
	Status    string
	Headline  string
	Details   string
	Threshold verdict.Severity
	Counts    []htmlCount
	Columns   []column
	Rows      []htmlRow
	Findings  []htmlFinding
	Warnings  []string
	Changes   *baseline.Changes
}

type htmlCount struct {
	Severity verdict.Severity
	N        int
}

type htmlRow struct {
	row
	// Link is the anchor of the dependency's first finding, "" if none.
	Link string
}

// Tooltip is the cell's items, one a line.
func (c cell) Tooltip() string { return strings.Join(c.Items, "\n") }

// HTML writes one self-contained page (inline CSS, no scripts, no external
// resources): the outcome, the dependency × behaviour matrix coloured by the
// most severe finding per cell, every finding with its evidence, suppressed
// findings, warnings and the baseline diff.
func HTML(w io.Writer, r *Report) error {
	d := htmlData{
		R: r, Status: r.Status(), Headline: r.Headline(), Details: bundleDetails(r),
		Threshold: r.threshold(), Columns: columns, Warnings: r.Warnings(), Changes: r.Result.Changes,
	}
	counts := r.Result.Counts()
	for _, s := range verdict.Severities {
		d.Counts = append(d.Counts, htmlCount{Severity: s, N: counts[s]})
	}
	firstOf := map[string]string{}
	for i, f := range r.Result.Findings {
		id := fmt.Sprintf("finding-%d", i+1)
		d.Findings = append(d.Findings, htmlFinding{Finding: f, ID: id, Failing: f.Severity >= d.Threshold})
		if _, ok := firstOf[f.Path]; !ok && f.Path != "" {
			firstOf[f.Path] = id
		}
	}
	for _, rw := range matrixRows(r) {
		hr := htmlRow{row: rw}
		if rw.Path != "" {
			hr.Link = firstOf[rw.Path]
		}
		d.Rows = append(d.Rows, hr)
	}
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, d); err != nil {
		return fmt.Errorf("rendering HTML report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
