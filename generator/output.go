package generator

import (
	"os"
)

// isFolder reports whether path names a folder.
func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
