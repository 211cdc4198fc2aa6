package bundle

import (
	"bufio"
	"encoding/binary"
	"io"
)

// Zip record signatures and fixed lengths (APPNOTE.TXT).
const (
	sigCentralHeader = 0x02014b50
	sigDirEnd        = 0x06054b50
	sigDir64Locator  = 0x07064b50
	sigDir64End      = 0x06064b50
	lenCentralHeader = 46
	lenDirEnd        = 22
	lenDir64Locator  = 20
	lenDir64End      = 56
)

// countZipEntries counts the central directory headers of the zip in r the
// way archive/zip reads them (until the first invalid header, whatever the
// end record claims), but stops after limit+1. archive/zip holds every entry
// in memory before anything can be checked; counting first bounds that by
// MaxFiles. ok is false when the archive's end record cannot be found, in
// which case archive/zip reports the damage.
func countZipEntries(r io.ReaderAt, size int64, limit int) (n int, ok bool) {
	// The end of central directory record sits in the last 22+65535 bytes.
	bLen := min(size, lenDirEnd+65535)
	buf := make([]byte, bLen)
	if _, err := r.ReadAt(buf, size-bLen); err != nil && err != io.EOF {
		return 0, false
	}
	p := -1
	for i := len(buf) - lenDirEnd; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) == sigDirEnd {
			if c := int(binary.LittleEndian.Uint16(buf[i+20:])); i+lenDirEnd+c <= len(buf) {
				p = i
			}
			break
		}
	}
	if p < 0 {
		return 0, false
	}
	endOff := size - bLen + int64(p)
	dirSize := uint64(binary.LittleEndian.Uint32(buf[p+12:]))
	dirOff := uint64(binary.LittleEndian.Uint32(buf[p+16:]))
	if binary.LittleEndian.Uint16(buf[p+10:]) == 0xffff || dirSize == 0xffffffff || dirOff == 0xffffffff {
		var loc [lenDir64Locator]byte
		if endOff >= lenDir64Locator {
			if _, err := r.ReadAt(loc[:], endOff-lenDir64Locator); err == nil && binary.LittleEndian.Uint32(loc[:]) == sigDir64Locator {
				var end [lenDir64End]byte
				off := int64(binary.LittleEndian.Uint64(loc[8:]))
				if _, err := r.ReadAt(end[:], off); err != nil || binary.LittleEndian.Uint32(end[:]) != sigDir64End || off < 0 {
					return 0, false
				}
				endOff = off
				dirSize = binary.LittleEndian.Uint64(end[40:])
				dirOff = binary.LittleEndian.Uint64(end[48:])
			}
		}
	}
	if dirSize > uint64(size) || dirOff > uint64(size) {
		return 0, false
	}
	start := endOff - int64(dirSize) // base offset + directory offset
	if base := endOff - int64(dirSize) - int64(dirOff); base > 0 && validHeaderAt(r, int64(dirOff)) {
		start = int64(dirOff) // archive/zip's fallback for a wrong base offset
	}
	if start < 0 || start >= size {
		return 0, false
	}
	br := bufio.NewReaderSize(io.NewSectionReader(r, start, size-start), 64<<10)
	var h [lenCentralHeader]byte
	for n <= limit {
		if _, err := io.ReadFull(br, h[:]); err != nil || binary.LittleEndian.Uint32(h[:]) != sigCentralHeader {
			break
		}
		skip := int64(binary.LittleEndian.Uint16(h[28:])) + int64(binary.LittleEndian.Uint16(h[30:])) + int64(binary.LittleEndian.Uint16(h[32:]))
		if _, err := br.Discard(int(skip)); err != nil {
			break
		}
		n++
	}
	return n, true
}

func validHeaderAt(r io.ReaderAt, off int64) bool {
	var sig [4]byte
	_, err := r.ReadAt(sig[:], off)
	return err == nil && binary.LittleEndian.Uint32(sig[:]) == sigCentralHeader
}
