package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// buildTime is the time builds judge review dates against: the time in
// SOURCE_DATE_EPOCH (seconds since 1970, the convention of reproducible
// builds) when it is set, else the zero time, which has each build use
// the time it runs.
func buildTime() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds: %w", v, err)
	}
	return time.Unix(sec, 0).UTC(), nil
}
