package errtestfiles

import (
	fmtx "fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"example.com/yaml.v3"
	"github.com/gathergen/gathergen/runtime"
)

func FAsync() {}

type SplitResult struct{}

var Load = strings.ToUpper

const LimitAsync = 3

func (T) GetAsync() {}

func TestNothing(t *testing.T) { _, _, _, _ = fmtx.Sprint(), rand.Int(), yaml.X, runtime.Go[int] }
