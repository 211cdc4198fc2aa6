package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/depbox/depbox/internal/verdict"
)

// SARIF 2.1.0 document, the subset depbox writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	Properties  map[string]any    `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []sarifSuppress   `json:"suppressions,omitempty"`
	Properties          map[string]any    `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind"`
}

type sarifSuppress struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s verdict.Severity) string {
	switch s {
	case verdict.Critical, verdict.High:
		return "error"
	case verdict.Medium:
		return "warning"
	}
	return "note"
}

// securitySeverity is GitHub code scanning's numeric severity (critical
// above 9.0, high 7.0–8.9, medium 4.0–6.9, low below 4.0).
func securitySeverity(s verdict.Severity) string {
	switch s {
	case verdict.Critical:
		return "9.5"
	case verdict.High:
		return "8.0"
	case verdict.Medium:
		return "5.5"
	}
	return "3.0"
}

// InformationURI is where SARIF consumers link the tool and rules to.
const InformationURI = "https://github.com/depbox/depbox"

// SARIF writes the report as a SARIF 2.1.0 log: one run, every rule in
// tool.driver.rules, one result per finding (suppressed findings carry a
// suppression with the ignore entry's reason), located at the dependency's
// line in the lockfile or package.json.
func SARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "depbox", Version: r.ToolVersion, InformationURI: InformationURI}},
		Results:    []sarifResult{},
		Properties: map[string]any{"status": r.Status(), "threshold": r.threshold().String()},
	}
	index := map[string]int{}
	for i, rl := range verdict.Rules() {
		index[rl.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   rl.ID,
			Name:                 rl.Name,
			ShortDescription:     sarifText{Text: rl.Summary},
			FullDescription:      sarifText{Text: rl.Description},
			Help:                 sarifText{Text: rl.Rationale + "\n\nHow to fix: " + rl.Remediation, Markdown: fmt.Sprintf("%s\n\n**How to fix.** %s", rl.Rationale, rl.Remediation)},
			HelpURI:              InformationURI + "/blob/main/docs/rules.md#" + strings.ToLower(rl.ID+"-"+rl.Name),
			DefaultConfiguration: sarifConfig{Level: sarifLevel(rl.Severity)},
			Properties: map[string]any{
				"tags":              []string{"security", "supply-chain"},
				"security-severity": securitySeverity(rl.Severity),
				"precision":         "high",
			},
		})
	}
	loc := newLocator(r.Root, r.Profile.Bundle.Lockfile)
	result := func(f verdict.Finding, sup *verdict.Ignore) sarifResult {
		file, line := loc.locate(f.Dependency, f.Path)
		pl := sarifPhysical{ArtifactLocation: sarifArtifact{URI: path.Join(r.SourcePrefix, file)}}
		if line > 0 {
			pl.Region = &sarifRegion{StartLine: line}
		}
		l := sarifLocation{PhysicalLocation: pl}
		if f.Path != "" {
			l.LogicalLocations = []sarifLogical{{Name: f.Dependency, FullyQualifiedName: f.Path, Kind: "module"}}
		}
		props := map[string]any{
			"severity":          f.Severity.String(),
			"security-severity": securitySeverity(f.Severity),
			"event":             f.Evidence.Event,
			"values":            f.Evidence.Values,
		}
		for k, v := range map[string]string{"dependency": f.Dependency, "version": f.Version, "path": f.Path, "phase": f.Phase, "function": f.Function, "world": f.World} {
			if v != "" {
				props[k] = v
			}
		}
		if len(f.Evidence.Advisories) > 0 {
			props["advisories"] = f.Evidence.Advisories
		}
		if f.Evidence.Unattributed {
			props["unattributed"] = true
		}
		msg := f.Message
		if fn := functionLabel(f); fn != "" {
			msg = "In " + fn + ": " + msg
		}
		if w := worldLabel(f); w != "" {
			msg = "Seen " + w + ": " + msg
		}
		if len(f.Evidence.Values) > 0 {
			msg += ". Evidence (" + f.Evidence.Event + "): " + strings.Join(first(f.Evidence.Values, maxValues), "; ")
			if len(f.Evidence.Values) > maxValues {
				msg += fmt.Sprintf("; and %d more", len(f.Evidence.Values)-maxValues)
			}
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: msg},
			Locations:           []sarifLocation{l},
			PartialFingerprints: map[string]string{"depbox/v1": f.Fingerprint()},
			Properties:          props,
		}
		if sup != nil {
			just := sup.Reason
			if sup.Expires != "" {
				just += " (until " + sup.Expires + ")"
			}
			res.Suppressions = []sarifSuppress{{Kind: "external", Justification: just}}
		}
		return res
	}
	for _, f := range r.Result.Findings {
		run.Results = append(run.Results, result(f, nil))
	}
	for _, s := range r.Result.Suppressed {
		run.Results = append(run.Results, result(s.Finding, &s.Ignore))
	}
	inv := sarifInvocation{ExecutionSuccessful: !r.Result.Incomplete}
	for _, p := range r.Profile.Problems {
		level := "warning"
		if p.Fatal {
			level = "error"
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: level, Message: sarifText{Text: p.Code + ": " + p.Message}})
	}
	for _, w := range r.Result.Warnings {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning", Message: sarifText{Text: w}})
	}
	run.Invocations = []sarifInvocation{inv}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encoding SARIF: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
