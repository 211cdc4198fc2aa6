package scan

import (
	"bytes"
	"debug/elf"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/profile"
)

// Native addons built for a newer Node-API than the sandbox's node. An
// addon says which Node-API version it needs through an exported function,
// node_api_module_get_api_version_v1; node releases before 22.14 (Node-API
// 9) do not refuse one that needs 10 as the documentation says, they crash
// loading it (SIGSEGV: napi_module_register_by_symbol goes on with the
// environment it failed to make). better-sqlite3@13 and argon2@0.45 ship
// such prebuilds. The crash stays a killed phase (what the package would
// have done next was not seen); this explains it and says what to do.

// napiSymbol is the function an addon exports to declare its Node-API version.
const napiSymbol = "node_api_module_get_api_version_v1"

// maxAddons bounds the addon files examined per dependency.
const maxAddons = 64

// addonAPIVersion returns the Node-API version the ELF addon at file
// declares, read from its code without loading it: the function compiles
// to "mov eax, imm32; ret", after an endbr64 or a frame set-up. ok is false
// for a file that is not a Linux x86-64 ELF addon (argon2 ships FreeBSD
// ones beside), declares
// nothing (the default, 8) or whose function has another shape.
func addonAPIVersion(file string) (v int, ok bool) {
	f, err := elf.Open(file)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	if f.Machine != elf.EM_X86_64 || (f.OSABI != elf.ELFOSABI_NONE && f.OSABI != elf.ELFOSABI_LINUX) {
		return 0, false
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		return 0, false
	}
	for _, s := range syms {
		if s.Name != napiSymbol || elf.ST_TYPE(s.Info) != elf.STT_FUNC || s.Section == elf.SHN_UNDEF {
			continue
		}
		for _, sec := range f.Sections {
			if sec.Type != elf.SHT_PROGBITS || s.Value < sec.Addr || s.Value >= sec.Addr+sec.Size {
				continue
			}
			code := make([]byte, min(16, sec.Addr+sec.Size-s.Value))
			if _, err := sec.ReadAt(code, int64(s.Value-sec.Addr)); err != nil {
				return 0, false
			}
			return movEAXRet(code)
		}
	}
	return 0, false
}

// movEAXRet decodes "mov eax, imm32; ret" at the start of code, after an
// optional endbr64 and an optional "push rbp; mov rbp, rsp" (then "pop rbp"
// before the ret).
func movEAXRet(code []byte) (int, bool) {
	code = bytes.TrimPrefix(code, []byte{0xf3, 0x0f, 0x1e, 0xfa})
	frame := bytes.HasPrefix(code, []byte{0x55, 0x48, 0x89, 0xe5})
	if frame {
		code = code[4:]
	}
	if len(code) < 6 || code[0] != 0xb8 {
		return 0, false
	}
	v := int(int32(uint32(code[1]) | uint32(code[2])<<8 | uint32(code[3])<<16 | uint32(code[4])<<24))
	rest := code[5:]
	if frame {
		if len(rest) < 2 || rest[0] != 0x5d {
			return 0, false
		}
		rest = rest[1:]
	}
	if rest[0] != 0xc3 {
		return 0, false
	}
	return v, true
}

// nodeAPIVersion returns the Node-API version node supports
// (process.versions.napi), or 0.
func nodeAPIVersion(node string) int {
	out, err := exec.Command(node, "-p", "process.versions.napi").Output()
	if err != nil {
		return 0
	}
	v, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return v
}

// napiProblems adds a warning to every dependency whose phase was killed by
// SIGSEGV and that ships an addon declaring a Node-API version above
// supported (the sandbox's node's). task is the bundle's directory on the
// host; only the dependency's own directory is walked (not its
// node_modules), through no symlink.
func napiProblems(p *profile.Profile, task string, supported func() int) {
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		var phases []string
		for ph, b := range d.Phases {
			if b != nil && b.Outcome != nil && b.Outcome.Status == profile.StatusKilled && strings.Contains(b.Outcome.Error, "segmentation fault") {
				phases = append(phases, ph)
			}
		}
		slices.Sort(phases)
		if len(phases) == 0 || d.Path == "" || !strings.HasPrefix(d.Path, "node_modules/") {
			continue
		}
		addon, need := newestAddon(filepath.Join(task, filepath.FromSlash(d.Path)))
		if addon == "" {
			continue
		}
		have := supported()
		if have == 0 || need <= have {
			continue
		}
		p.AddProblem(profile.Problem{Code: "node-api-mismatch", Dependency: d.Path, Phase: phases[0], Message: fmt.Sprintf(
			"%s ships the native addon %s, which needs Node-API %d; the sandbox's node (%s) supports Node-API %d, and node releases before 22.14 crash (SIGSEGV) loading such an addon instead of refusing it: the killed %s %s that incompatibility, which a Lambda function on this node would meet too; to see what the package does, run it on a newer node: make node-runtime, then audits use it by themselves (--addon-node) and scans with --node-runtime (docs/runtime.md)",
			d.Path, path.Join(d.Path, addon), need, p.Bundle.RuntimeVersion, have, strings.Join(phases, " and "), plural(len(phases), "phase is", "phases are"))})
	}
}

// newestAddon walks dir (not its node_modules, no symlinks) for .node
// files and returns the one declaring the highest Node-API version,
// relative to dir, with that version; "" when none declares one.
func newestAddon(dir string) (string, int) {
	best, bestV, seen := "", 0, 0
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			if e.Name() == "node_modules" && p != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".node") || seen >= maxAddons {
			return nil
		}
		seen++
		if v, ok := addonAPIVersion(p); ok && v > bestV {
			rel, _ := filepath.Rel(dir, p)
			best, bestV = filepath.ToSlash(rel), v
		}
		return nil
	})
	return best, bestV
}
