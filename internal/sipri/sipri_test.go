package sipri

import (
	"os"
	"strings"
	"testing"
)

func TestReadBothFormats(t *testing.T) {
	classic := "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments\n" +
		"Mali,China,2019,,6,,VN-2C,IFV,6,,2021; 2022,New,\n"
	rows, err := Read(strings.NewReader(classic))
	if err != nil || len(rows) != 1 || rows[0].Designation != "VN-2C" || len(rows[0].Years) != 2 || rows[0].Supplier != "China" {
		t.Fatalf("classic: %+v, %v", rows, err)
	}
	byYear := "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Delivery year\n" +
		"1,Turkey,Niger,Bayraktar TB-2 --,UAV,Aircraft,2021,2022\n"
	rows, err = Read(strings.NewReader(byYear))
	if err != nil || len(rows) != 1 || rows[0].Designation != "Bayraktar TB-2" || rows[0].Years[0] != 2022 {
		t.Fatalf("by year: %+v, %v", rows, err)
	}
	if _, err := Read(strings.NewReader("a,b,c\n1,2,3\n")); err == nil || !strings.Contains(err.Error(), "not a SIPRI") {
		t.Errorf("a CSV of something else gave %v", err)
	}
}

func TestCategory(t *testing.T) {
	for desc, want := range map[string]string{
		"armoured personnel carrier": "armoured vehicle", "fighter aircraft": "aircraft", "anti-ship missile": "missile",
		"gunboat": "naval vessel", "self-propelled gun": "artillery", "mobile SAM system": "air defence",
		"transport helicopter": "helicopter", "UAV": "drone", "air search radar": "sensor", "diesel engine": "other",
		"landing craft": "naval vessel", "transport aircraft": "aircraft",
	} {
		if got := Category(desc); got != want {
			t.Errorf("Category(%q) = %q, want %q", desc, got, want)
		}
	}
}

// TestReadsTheSharedExports reads the copies in ../shared/data.
func TestReadsTheSharedExports(t *testing.T) {
	for _, name := range []string{"sipri_trade_register_1950_2024.csv", "sipri_transfers_by_delivery_year_1995_2024.csv"} {
		f, err := os.Open("../../../shared/data/" + name)
		if err != nil {
			t.Skipf("no shared data: %v", err)
		}
		rows, err := Read(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) < 20000 {
			t.Errorf("%s: %d rows, want the whole register", name, len(rows))
		}
	}
}
