package fakenet

import "encoding/json"

// Geo is where the fake internet says the sandbox is, in the fields of the
// common geolocation and IP-lookup APIs (ip-api.com, ipinfo.io, ipapi.co,
// ipgeolocation.io).
type Geo struct {
	Country     string `json:"country"`      // "Russia"
	CountryCode string `json:"country_code"` // "RU"
	City        string `json:"city"`
	TimeZone    string `json:"time_zone"` // "Europe/Moscow"
	// IP is the public address answered: a documentation address.
	IP string `json:"ip"`
}

// answer is the body of an HTTP answer in the world g describes: the
// marker (remote code evaluation) and the location under the names the
// common services use.
func (g *Geo) answer(marker string) string {
	b, _ := json.Marshal(map[string]string{ // string values only: cannot fail
		"id": marker, "status": "success", "ip": g.IP, "query": g.IP,
		"country": g.Country, "country_name": g.Country, "countryName": g.Country,
		"country_code": g.CountryCode, "countryCode": g.CountryCode, "country_code2": g.CountryCode,
		"city": g.City, "timezone": g.TimeZone, "time_zone": g.TimeZone,
	})
	return string(b)
}
