package watch

import (
	"errors"
	"fmt"
	"syscall"
)

// ErrLimit is reported, wrapped with advice, when the operating system
// refuses to watch more folders: on Linux, the inotify limits are reached.
var ErrLimit = errors.New("the system's limit of watched folders is reached")

// limitAdvice returns err, or, when err says that a limit of the file
// notifier is reached, an error wrapping ErrLimit and err that says what
// to run to raise the limit and how to do without it.
func limitAdvice(err error) error {
	var setting string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		// inotify_add_watch: "no space left on device".
		setting = "fs.inotify.max_user_watches"
	case errors.Is(err, syscall.EMFILE):
		// inotify_init: "too many open files".
		setting = "fs.inotify.max_user_instances"
	default:
		return err
	}
	value := "524288"
	if setting == "fs.inotify.max_user_instances" {
		value = "1024"
	}
	return fmt.Errorf("%w (%s, %w); raise it with\n"+
		"    sudo sysctl %s=%s\n"+
		"and keep it after a restart with\n"+
		"    echo %s=%s | sudo tee /etc/sysctl.d/60-cxatlas.conf\n"+
		"or look for changes without it, every second, with -poll 1s",
		ErrLimit, setting, err, setting, value, setting, value)
}
