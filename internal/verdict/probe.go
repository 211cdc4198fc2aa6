package verdict

import (
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// --- DBX007: a Python version probe is not inline code ----------------------

// probeFacts are what a version probe may print: the interpreter's version,
// implementation, executable and prefixes, and the platform it runs on.
// Calls among them only read what the interpreter already knows.
var probeFacts = []string{
	"sys.version", "sys.version_info", "sys.hexversion", "sys.executable", "sys.prefix", "sys.base_prefix",
	"sys.exec_prefix", "sys.base_exec_prefix", "sys.platform", "sys.byteorder", "sys.maxsize",
	"sys.implementation.name", "sys.implementation.cache_tag",
	"platform.python_version", "platform.python_implementation", "platform.python_version_tuple",
	"platform.machine", "platform.system",
}

// probeOutputs print; probeHelpers and probeMethods format what they print.
var (
	probeOutputs = []string{"print", "sys.stdout.write", "sys.stdout.buffer.write"}
	probeHelpers = []string{"str", "repr", "map", "tuple", "list"}
	// No str.format: its fields reach attributes (`{0.__globals__}`).
	probeMethods = []string{"encode", "decode", "join", "strip"}
)

// interpreterProbe reports whether p is a Python interpreter run with
// `-c CODE` where CODE only imports sys or platform and prints facts about
// the interpreter: node-gyp's find-python runs
// `python3 -c "import sys; print(\"%s.%s.%s\" % sys.version_info[:3]);"` and
// `python3 -c "import sys; sys.stdout.buffer.write(sys.executable.encode('utf-8'));"`.
// That is a version probe, not inline code (DBX007). Every statement must
// be `import sys`/`import platform` or a print of an expression made of
// probeFacts, string and number literals, probeHelpers, probeMethods and
// operators (% + , : [ ] ( )), and one of them must print a fact: no
// other name, no assignment, no other module, so no exec, os.system or
// open.
func interpreterProbe(p profile.Process) bool {
	prog := program(p)
	if strings.TrimRight(prog, "0123456789.") != "python" || len(p.Argv) != 3 || p.Argv[1] != "-c" {
		return false
	}
	toks, ok := probeTokens(p.Argv[2])
	if !ok {
		return false
	}
	printed := false
	for len(toks) > 0 {
		end := slices.Index(toks, ";")
		if end < 0 {
			end = len(toks)
		}
		stmt := toks[:end]
		toks = toks[min(end+1, len(toks)):]
		switch {
		case len(stmt) == 0:
		case stmt[0] == "import":
			if !probeImport(stmt[1:]) {
				return false
			}
		case slices.Contains(probeOutputs, stmt[0]) && len(stmt) >= 3 && stmt[1] == "(" && stmt[len(stmt)-1] == ")":
			expr := stmt[2 : len(stmt)-1]
			if !probeExpr(expr) {
				return false
			}
			printed = printed || slices.ContainsFunc(expr, func(t string) bool { return slices.Contains(probeFacts, t) || factMethod(t) })
		default:
			return false
		}
	}
	return printed
}

// probeImport reports whether an import statement's names (after
// "import") are sys or platform, comma-separated.
func probeImport(names []string) bool {
	if len(names) == 0 || len(names)%2 == 0 {
		return false
	}
	for i, n := range names {
		if i%2 == 1 && n != "," || i%2 == 0 && n != "sys" && n != "platform" {
			return false
		}
	}
	return true
}

// probeExpr reports whether an expression's tokens are only facts,
// literals, helpers, formatting methods and operators, with balanced
// brackets.
func probeExpr(toks []string) bool {
	depth := 0
	for i, t := range toks {
		switch {
		case t == "(" || t == "[":
			depth++
		case t == ")" || t == "]":
			depth--
			if depth < 0 {
				return false
			}
		case t == "%" || t == "+" || t == "," || t == ":":
		case t[0] == '"' || t[0] == '\'' || strings.Trim(t, "0123456789") == "":
			// A literal: a string, or a number of digits only (not 0or, 1if).
		case t[0] == '.':
			// A method of what precedes it: a literal or a closing bracket.
			if i == 0 || !slices.Contains(probeMethods, t[1:]) {
				return false
			}
			prev := toks[i-1]
			if prev != ")" && prev != "]" && prev[0] != '"' && prev[0] != '\'' {
				return false
			}
		case slices.Contains(probeFacts, t) || slices.Contains(probeHelpers, t):
		case factMethod(t):
		default:
			return false
		}
	}
	return depth == 0
}

// factMethod reports whether a dotted name is a formatting method of a
// fact: sys.executable.encode.
func factMethod(t string) bool {
	k := strings.LastIndexByte(t, '.')
	return k > 0 && slices.Contains(probeFacts, t[:k]) && slices.Contains(probeMethods, t[k+1:])
}

// probeTokens splits Python code into tokens: string literals (quotes
// kept; no triple quotes, prefixes or escapes), numbers, dotted names
// (".encode" after a literal or bracket is one token), operators, with
// newlines as ";". ok is false for anything else (a backslash, "=", "#",
// an unterminated string).
func probeTokens(code string) (toks []string, ok bool) {
	isName := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i < len(code); {
		c := code[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '\n' || c == ';':
			toks = append(toks, ";")
			i++
		case c == '"' || c == '\'':
			j := strings.IndexByte(code[i+1:], c)
			if j < 0 || strings.ContainsAny(code[i+1:i+1+j], "\\\n") || strings.HasPrefix(code[i:], `""`) || strings.HasPrefix(code[i:], `''`) {
				return nil, false
			}
			toks = append(toks, code[i:i+j+2])
			i += j + 2
		case strings.IndexByte("()[],:%+", c) >= 0:
			toks = append(toks, string(c))
			i++
		case isName(c) || c == '.':
			j := i + 1
			for j < len(code) && (isName(code[j]) || code[j] == '.') {
				j++
			}
			toks = append(toks, code[i:j])
			i = j
		default:
			return nil, false
		}
	}
	return toks, true
}
