package verdict

import "testing"

func TestIsBaitPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/home/sbx_user/.aws/credentials", true},
		{"/home/sbx_user/.ssh/id_ed25519", true},
		{"/var/task/.env.production", true},
		{"/proc/PID/environ", true},
		{"/home/sbx_user/.config/google-chrome/Default/Login Data", true},
		{"/home/u/.config/BraveSoftware/Brave-Browser/Profile 1/Login Data", true},
		{"/home/u/.mozilla/firefox/abc.default/logins.json", true},
		{"/home/sbx_user/.electrum/wallets/default_wallet", true},
		{"/home/u/.config/solana/id.json", true},
		{"/home/u/.bitcoin/wallet.dat", true},
		{"/home/u/.config/Exodus/exodus.wallet/seed.seco", true},
		{"/var/task/node_modules/x/login-data.js", false},
		{"/var/task/id.json", false},
		{"/var/task/wallets/default_wallet", false},
		{"/etc/hosts", false},
	} {
		if got := IsBaitPath(tc.path); got != tc.want {
			t.Errorf("IsBaitPath(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}
