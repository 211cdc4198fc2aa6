package bundle

// SourceTree is the bundle of a Python source distribution being built
// (the install phase of an sdist audit): its tree unpacked at root/dir,
// one distribution installed at dir that owns every file below it, so
// that what the build's code does is attributed to it.
func SourceTree(root, dir, name, version string) *Bundle {
	pkg := &Package{Name: NormalizeName(name), Version: version, Path: dir, Ecosystem: EcosystemPyPI}
	return &Bundle{
		Root: root, Name: name, Runtime: RuntimePython, Packages: []*Package{pkg},
		byPath: map[string]*Package{dir: pkg},
		owners: map[string]string{dir: dir},
	}
}
