package profiler

import "github.com/depbox/depbox/profile"

// WorldSignals returns the environment signals a hook record of kind
// "world" with operation op stands for.
func WorldSignals(op string) []string {
	switch op {
	case "hostname":
		return []string{profile.SignalHost}
	case "homedir":
		return []string{profile.SignalHome}
	case "userInfo":
		return []string{profile.SignalUser, profile.SignalHome}
	case "networkInterfaces":
		return []string{profile.SignalInterfaces}
	case "intl":
		return []string{profile.SignalTZ, profile.SignalLocale}
	case "timezone":
		return []string{profile.SignalTZ}
	case "clock":
		return []string{profile.SignalDate}
	}
	return nil
}
