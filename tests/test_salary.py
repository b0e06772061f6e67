"""Table-driven tests for salary parsing. Every string here is invented for the test."""

from __future__ import annotations

import pytest

from pipelines.salary import find_salaries, has_equity, out_of_bounds, parse_salary

Y, MO, W, D, H = "year", "month", "week", "day", "hour"

# (text, country, expected (min, max, currency, period) or None)
PARSE_CASES = [
    # --- HN header segments, dollars ---
    ("$150k-$200k", "US", (150_000, 200_000, "USD", Y)),
    ("$155K - $205K", "US", (155_000, 205_000, "USD", Y)),
    ("$150k–$200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150k — $200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150k to $200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150k ~ $200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150-200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150 - 200K", "US", (150_000, 200_000, "USD", Y)),
    ("$150k-200k", "US", (150_000, 200_000, "USD", Y)),
    ("$150k-200", "US", (150_000, 200_000, "USD", Y)),
    ("$150k-$200k + equity", "US", (150_000, 200_000, "USD", Y)),
    ("$150k–$200k + 0.2%–0.6% equity", "US", (150_000, 200_000, "USD", Y)),
    ("$140k-$190k, 0.1-0.4% equity", "US", (140_000, 190_000, "USD", Y)),
    ("$140-$190k + equity + benefits", "US", (140_000, 190_000, "USD", Y)),
    ("$135k–$165k · 0.3%–0.9% options", "US", (135_000, 165_000, "USD", Y)),
    ("$180K+ base", "US", (180_000, None, "USD", Y)),
    ("$210K USD+", None, (210_000, None, "USD", Y)),
    ("120K USD + equity", None, (120_000, 120_000, "USD", Y)),
    ("120k USD", None, (120_000, 120_000, "USD", Y)),
    ("USD 120k-140k", None, (120_000, 140_000, "USD", Y)),
    ("USD120,000 - USD140,000", None, (120_000, 140_000, "USD", Y)),
    ("US$95k – 125k", None, (95_000, 125_000, "USD", Y)),
    ("$US 105-145k", None, (105_000, 145_000, "USD", Y)),
    ("$125,000 - $165,000", "US", (125_000, 165_000, "USD", Y)),
    ("$125,000-165,000", "US", (125_000, 165_000, "USD", Y)),
    ("$125,000.00 - $165,000.00", "US", (125_000, 165_000, "USD", Y)),
    ("$142,350 – $198,700 base", "US", (142_350, 198_700, "USD", Y)),
    ("$165,000", "US", (165_000, 165_000, "USD", Y)),
    ("$165k", "US", (165_000, 165_000, "USD", Y)),
    ("~$115K (varies by region)", "US", (115_000, 115_000, "USD", Y)),
    ("up to $185k", "US", (None, 185_000, "USD", Y)),
    ("Up to $185,000 per year", "US", (None, 185_000, "USD", Y)),
    ("from $120k", "US", (120_000, None, "USD", Y)),
    ("Starting at $95,000/yr", "US", (95_000, None, "USD", Y)),
    ("$160k-$210k/yr", "US", (160_000, 210_000, "USD", Y)),
    ("$160k/yr - $210k/yr", "US", (160_000, 210_000, "USD", Y)),
    ("$160,000/year - $210,000/year + stock", "US", (160_000, 210_000, "USD", Y)),
    ("$160,000 to $210,000 a year", "US", (160_000, 210_000, "USD", Y)),
    ("$160,000 - $210,000 per year", "US", (160_000, 210_000, "USD", Y)),
    ("$160,000 - $210,000 annually", "US", (160_000, 210_000, "USD", Y)),
    ("$160k-$210k annual base salary", "US", (160_000, 210_000, "USD", Y)),
    ("between $160k and $210k", "US", (160_000, 210_000, "USD", Y)),
    ("Salary: $118k–$149k DOE", "US", (118_000, 149_000, "USD", Y)),
    ("SALARY:$104K-131K", "US", (104_000, 131_000, "USD", Y)),
    ("Comp: $97-120k salary, 1-2% options", "US", (97_000, 120_000, "USD", Y)),
    ("$1.2M-1.5M", "US", None),  # implausible as a yearly salary
    ("$190k-$260k (SF), $170k-$230k (remote)", "US", (190_000, 260_000, "USD", Y)),
    ("[$145 - 175K]", "US", (145_000, 175_000, "USD", Y)),
    ("$170K-$230K+", "US", (170_000, 230_000, "USD", Y)),
    ("$125-150k w/ 12% bonus", "US", (125_000, 150_000, "USD", Y)),
    ("$130k-$170k + bonus", "US", (130_000, 170_000, "USD", Y)),
    ("$130k-$170k + signing bonus", "US", (130_000, 170_000, "USD", Y)),
    ("$90K/yr", None, (90_000, 90_000, "USD", Y)),
    ("A seed-stage startup paying $150k-$185k", "US", (150_000, 185_000, "USD", Y)),
    ("Well funded Series A company, $135k-$160k", "US", (135_000, 160_000, "USD", Y)),
    ("Series B startup | $160k-$200k", "US", (160_000, 200_000, "USD", Y)),
    ("$140k PM role", "US", (140_000, 140_000, "USD", Y)),
    ("$140k/yr, work from home", "US", (140_000, 140_000, "USD", Y)),
    ("$140k + equity + learning budget", "US", (140_000, 140_000, "USD", Y)),
    ("$90k/y", None, (90_000, 90_000, "USD", Y)),
    ("$90K p.a.", None, (90_000, 90_000, "USD", Y)),
    # --- other dollars ---
    ("CA$120k-150k", None, (120_000, 150_000, "CAD", Y)),
    ("C$95,000 - C$115,000", None, (95_000, 115_000, "CAD", Y)),
    ("CAD 110k–140k", None, (110_000, 140_000, "CAD", Y)),
    ("$110k-$140k CAD", None, (110_000, 140_000, "CAD", Y)),
    ("$100,000 - $125,000 CAD per annum", None, (100_000, 125_000, "CAD", Y)),
    ("A$150k + super", None, (150_000, 150_000, "AUD", Y)),
    ("AU$140,000 - AU$170,000", None, (140_000, 170_000, "AUD", Y)),
    ("AUD 160-190k", None, (160_000, 190_000, "AUD", Y)),
    ("NZ$120k-NZ$145k", None, (120_000, 145_000, "NZD", Y)),
    ("S$8,000 - S$11,000 per month", None, (8_000, 11_000, "SGD", MO)),
    ("SGD 96k-130k", None, (96_000, 130_000, "SGD", Y)),
    ("HK$50,000/month", None, (50_000, 50_000, "HKD", MO)),
    ("R$12.000 - R$16.000 por mês", None, (12_000, 16_000, "BRL", MO)),
    ("R$180k-R$240k", None, (180_000, 240_000, "BRL", Y)),
    ("MX$60,000 - MX$80,000 /month", None, (60_000, 80_000, "MXN", MO)),
    ("MXN 720k-960k + stock options", None, (720_000, 960_000, "MXN", Y)),
    # --- euros ---
    ("€70–90k", None, (70_000, 90_000, "EUR", Y)),
    ("€70k-€90k", None, (70_000, 90_000, "EUR", Y)),
    ("€ 65k - 80k p.a.", None, (65_000, 80_000, "EUR", Y)),
    ("70.000 €", None, (70_000, 70_000, "EUR", Y)),
    ("70.000 - 85.000 €", None, (70_000, 85_000, "EUR", Y)),
    ("70.000€ - 85.000€ brutto/Jahr", None, (70_000, 85_000, "EUR", Y)),
    ("€70.000,00 - €85.000,00", None, (70_000, 85_000, "EUR", Y)),
    ("60 000 - 75 000 €", None, (60_000, 75_000, "EUR", Y)),
    ("EUR 55-75k + equity", None, (55_000, 75_000, "EUR", Y)),
    ("55k to 72K EUR pa", None, (55_000, 72_000, "EUR", Y)),
    ("48-62k€", None, (48_000, 62_000, "EUR", Y)),
    ("90 000 euros par an", None, (90_000, 90_000, "EUR", Y)),
    ("between 60k and 80k euros", None, (60_000, 80_000, "EUR", Y)),
    ("€3.500 - €4.500 per month", None, (3_500, 4_500, "EUR", MO)),
    ("€4,200/month gross", None, (4_200, 4_200, "EUR", MO)),
    ("Monthly salary: €3.800 - €4.600", None, (3_800, 4_600, "EUR", MO)),
    ("€550/day", None, (550, 550, "EUR", D)),
    ("€500-650 per day", None, (500, 650, "EUR", D)),
    ("€85/h", None, (85, 85, "EUR", H)),
    ("€36–44k RAL", None, (36_000, 44_000, "EUR", Y)),
    ("6.000 € pro Monat", None, (6_000, 6_000, "EUR", MO)),
    # --- pounds ---
    ("£60,000 - £80,000 pa", None, (60_000, 80_000, "GBP", Y)),
    ("£60k-£80k", None, (60_000, 80_000, "GBP", Y)),
    ("£60-80k + options", None, (60_000, 80_000, "GBP", Y)),
    ("£55K – £95K +options", None, (55_000, 95_000, "GBP", Y)),
    ("up-to £72K", None, (72_000, 72_000, "GBP", Y)),
    ("GBP 70,000 - 90,000", None, (70_000, 90_000, "GBP", Y)),
    ("70,000 GBP / year", None, (70_000, 70_000, "GBP", Y)),
    ("£450-£550 per day (outside IR35)", None, (450, 550, "GBP", D)),
    ("£500 p/d", None, (500, 500, "GBP", D)),
    ("£65ph", None, (65, 65, "GBP", H)),
    ("£4,000 pcm", None, (4_000, 4_000, "GBP", MO)),
    ("55 thousand pounds a year", None, (55_000, 55_000, "GBP", Y)),
    ("£95k base / £150k OTE", None, (95_000, 95_000, "GBP", Y)),
    # --- Swiss francs ---
    ("CHF 140'000", None, (140_000, 140_000, "CHF", Y)),
    ("CHF 120'000 - 150'000", None, (120_000, 150_000, "CHF", Y)),
    ("CHF 130k-160k", None, (130_000, 160_000, "CHF", Y)),
    ("110k-135k CHF", None, (110_000, 135_000, "CHF", Y)),
    ("105k-125k+ CHF per year", None, (105_000, 125_000, "CHF", Y)),
    ("Fr. 9'500 per month", None, (9_500, 9_500, "CHF", MO)),
    ("120’000 CHF", None, (120_000, 120_000, "CHF", Y)),
    # --- rupees ---
    ("₹25-35 LPA", None, (2_500_000, 3_500_000, "INR", Y)),
    ("30 LPA", None, (3_000_000, 3_000_000, "INR", Y)),
    ("18-24 lpa", None, (1_800_000, 2_400_000, "INR", Y)),
    ("30 lakhs", None, (3_000_000, 3_000_000, "INR", Y)),
    ("INR 20-28 lakhs per annum", None, (2_000_000, 2_800_000, "INR", Y)),
    ("₹32L–₹48L base", None, (3_200_000, 4_800_000, "INR", Y)),
    # the rupee sign on the left side says the right side's bare "L" is rupees too
    ("₹32–48L", None, (3_200_000, 4_800_000, "INR", Y)),
    ("₹32L–48L + ESOPs", None, (3_200_000, 4_800_000, "INR", Y)),
    ("28-45L INR", None, (2_800_000, 4_500_000, "INR", Y)),
    ("1.5M ₹", None, (1_500_000, 1_500_000, "INR", Y)),
    ("₹18,00,000 - ₹24,00,000", None, (1_800_000, 2_400_000, "INR", Y)),
    ("Rs. 12,00,000 per annum", None, (1_200_000, 1_200_000, "INR", Y)),
    ("₹1.2 Cr", None, (12_000_000, 12_000_000, "INR", Y)),
    ("₹60,000 per month", None, (60_000, 60_000, "INR", MO)),
    ("40L", None, None),  # "L" alone is not enough to say rupees
    # --- yen, yuan, won ---
    ("¥8M-12M", None, (8_000_000, 12_000_000, "JPY", Y)),
    ("¥8,000,000 - ¥12,000,000", "JP", (8_000_000, 12_000_000, "JPY", Y)),
    ("JPY 9M–14M", None, (9_000_000, 14_000_000, "JPY", Y)),
    ("9,000,000円 - 13,000,000円", None, (9_000_000, 13_000_000, "JPY", Y)),
    ("16M JPY/yr", None, (16_000_000, 16_000_000, "JPY", Y)),
    ("¥450,000 per month", "JP", (450_000, 450_000, "JPY", MO)),
    ("¥400k-600k", "CN", (400_000, 600_000, "CNY", Y)),
    ("RMB 35k/month", None, (35_000, 35_000, "CNY", MO)),
    ("CNY 500,000 - 800,000", None, (500_000, 800_000, "CNY", Y)),
    ("₩80M-₩110M", None, (80_000_000, 110_000_000, "KRW", Y)),
    ("KRW 90,000,000", None, (90_000_000, 90_000_000, "KRW", Y)),
    # --- Nordics and central Europe ---
    ("SEK 55 000 - 70 000 per month", None, (55_000, 70_000, "SEK", MO)),
    ("60 000 kr/mån", "SE", (60_000, 60_000, "SEK", MO)),
    ("NOK 850k-1.1M", None, (850_000, 1_100_000, "NOK", Y)),
    ("750 000 - 900 000 kr", "NO", (750_000, 900_000, "NOK", Y)),
    ("DKK 60.000 per month", None, (60_000, 60_000, "DKK", MO)),
    ("PLN 25 000 - 32 000 / month (B2B)", None, (25_000, 32_000, "PLN", MO)),
    ("18 000 - 24 000 zł/mies.", None, (18_000, 24_000, "PLN", MO)),
    ("18 000 - 24 000 zł per month", None, (18_000, 24_000, "PLN", MO)),
    ("350k-450k PLN", None, (350_000, 450_000, "PLN", Y)),
    ("CZK 90 000 monthly", None, (90_000, 90_000, "CZK", MO)),
    ("1 200 000 Ft / month", None, (1_200_000, 1_200_000, "HUF", MO)),
    ("RON 18,000 per month", None, (18_000, 18_000, "RON", MO)),
    ("TRY 120.000 aylık", None, None),  # Turkish period word not read; too small for a year
    ("1.800.000 TL per year", None, (1_800_000, 1_800_000, "TRY", Y)),
    ("ZAR 650k-800k", None, (650_000, 800_000, "ZAR", Y)),
    ("R720 000 per annum", "ZA", (720_000, 720_000, "ZAR", Y)),
    ("₪35,000 per month", None, (35_000, 35_000, "ILS", MO)),
    ("ILS 30k-40k monthly", None, (30_000, 40_000, "ILS", MO)),
    ("AED 35,000/month tax free", None, (35_000, 35_000, "AED", MO)),
    # --- hourly, daily, weekly ---
    ("$75/hr", "US", (75, 75, "USD", H)),
    ("$75/h", "US", (75, 75, "USD", H)),
    ("$75 p/h", "US", (75, 75, "USD", H)),
    ("$75 per hour", "US", (75, 75, "USD", H)),
    ("$75 an hour", "US", (75, 75, "USD", H)),
    ("$75 hourly", "US", (75, 75, "USD", H)),
    ("$60-90/hr", "US", (60, 90, "USD", H)),
    ("$60/hr - $90/hr", "US", (60, 90, "USD", H)),
    ("$120 - $180/hour (1099 contract)", "US", (120, 180, "USD", H)),
    ("Hourly rate: $60-90", "US", (60, 90, "USD", H)),
    ("Contract rate $70–95", "US", (70, 95, "USD", H)),
    ("$22.50/hr", "US", (22.5, 22.5, "USD", H)),
    ("$800/day", "US", (800, 800, "USD", D)),
    ("$800 per diem", "US", (800, 800, "USD", D)),
    ("Day rate: $700-900", "US", (700, 900, "USD", D)),
    ("$3k/wk", "US", (3_000, 3_000, "USD", W)),
    ("$3,000 per week", "US", (3_000, 3_000, "USD", W)),
    ("$9k/mo", "US", (9_000, 9_000, "USD", MO)),
    ("$9,000 per month", "US", (9_000, 9_000, "USD", MO)),
    ("$9,000 monthly", "US", (9_000, 9_000, "USD", MO)),
    ("$9,000/month ($108,000/yr)", "US", (9_000, 9_000, "USD", MO)),
    ("$60-90", "US", None),  # hourly? yearly in thousands? nothing says
    ("$60-90 DOE", "US", None),
    ("$2200-3600", "US", None),  # monthly or a budget: not said
    ("55-80 USD per hour", None, (55, 80, "USD", H)),
    ("Hourly rate of 40 USD", None, (40, 40, "USD", H)),
    # --- no currency symbol ---
    ("150-250k", None, (150_000, 250_000, None, Y)),
    ("150–210K", None, (150_000, 210_000, None, Y)),
    ("[165 - 195K]", None, (165_000, 195_000, None, Y)),
    ("140-190k+ + equity + healthcare", None, (140_000, 190_000, None, Y)),
    ("145k - 175k base salary + stock", None, (145_000, 175_000, None, Y)),
    ("Salary: 110k-135k", None, (110_000, 135_000, None, Y)),
    ("Salary - 92K-118K", None, (92_000, 118_000, None, Y)),
    ("95k base + 0.25% equity", None, (95_000, 95_000, None, Y)),
    ("65K-95K DOE", None, (65_000, 95_000, None, Y)),
    ("90k+ (based on skills)", None, (90_000, None, None, Y)),
    ("140k-170k", "DE", (140_000, 170_000, "EUR", Y)),
    ("140k-170k", "GB", (140_000, 170_000, "GBP", Y)),
    ("Remote", None, None),
    ("5+ years of Python", None, None),
    # --- bare $ resolved by country ---
    ("$120k-$150k", "CA", (120_000, 150_000, "CAD", Y)),
    ("$160k-$190k", "AU", (160_000, 190_000, "AUD", Y)),
    ("$130k", "NZ", (130_000, 130_000, "NZD", Y)),
    ("$9,500/month", "SG", (9_500, 9_500, "SGD", MO)),
    ("$120k-$150k", "DE", (120_000, 150_000, "USD", Y)),
    ("$80k-$100k", "MX", (80_000, 100_000, "USD", Y)),
    ("$105k-$135k", "GB", (105_000, 135_000, "USD", Y)),
    # --- not salaries ---
    ("DOE", None, None),
    ("Competitive", None, None),
    ("Competitive salary + equity", None, None),
    ("Salary depending on experience", None, None),
    ("0.5% equity", None, None),
    ("0.4-1.2% equity", None, None),
    ("We raised $30M", None, None),
    ("We closed a $12M Series A in May", None, None),
    ("Series B $50M", None, None),
    ("Series A ($18M)", None, None),
    ("Backed by $25M from top investors", None, None),
    ("$4M seed round led by a fund", None, None),
    ("raised $800k in pre-seed", None, None),
    ("closed a seed round of $900k", None, None),
    ("Sales last quarter topped £400,000", None, None),
    ("Last quarter we billed $412,118.64", None, None),
    ("each device is insured up to $2m", None, None),
    ("$8M ARR and growing", None, None),
    ("$1.2M in annual revenue", None, None),
    ("We passed $500k MRR", None, None),
    ("now valued at $3.4 billion", None, None),
    ("a $40B industry", None, None),
    ("1M users", None, None),
    ("500k+ monthly active users", None, None),
    ("Founded in 2019", None, None),
    ("2023-2024", None, None),
    ("Team of 12", None, None),
    ("401(k) with 5% match", None, None),
    ("Salary + 401(k)", None, None),
    ("$0", None, None),
    ("$0 - $0", None, None),
    ("$10k signing bonus", None, None),
    ("$5,000 sign-on bonus", None, None),
    ("$2,000 annual learning budget", None, None),
    ("$1,500 home office stipend", None, None),
    ("$300 monthly wellness allowance", None, None),
    # A perk's purpose after the amount: money for groceries, a gym, commuting is not pay.
    ("Benefits (Unlimited PTO, $400/monthly for groceries&food)", None, None),
    ("$150/month for your gym membership", None, None),
    ("€80 a month for commuting", None, None),
    ("up to $5k relocation", None, None),
    ("$120k OTE", None, None),
    ("OTE $180k-$220k", None, None),
    ("$200k-$300k total comp", None, None),
    ("$140K-$230K annual total compensation", None, None),
    ("TC: $250k-$350k", None, None),
    ("$50k in equity", None, None),
    ("250k+ equity", None, None),
    ("$100k RSUs", None, None),
    ("$200k-$150k", None, None),  # min > max is never swapped
    ("$40k-$300k", None, None),  # a range this wide says nothing
    ("$5", None, None),
    ("$2,900/month covers rent for a 2-bed flat", None, None),
    ("¥300", None, None),
    ("revenue of 4M€ per month", None, None),
    ("5M€ ARR after two years", None, None),
    ("£6 million in new funding", None, None),
    ("customers processed $3B in payments", None, None),
    ("GPT-4 and H100s", None, None),
    ("24/7 on-call", None, None),
    ("100% remote", None, None),
    # --- monthly forms and Romance/Polish range words (evaluation misses) ---
    ("22 000–27 000 PLN net/month (B2B)", None, (22_000, 27_000, "PLN", MO)),
    ("21 000–26 000 PLN netto/mies.", None, (21_000, 26_000, "PLN", MO)),
    ("14 000–19 000 zł brutto (UoP)", "PL", (14_000, 19_000, "PLN", MO)),
    ("R$ 12.000 – R$ 16.000/mês", "BR", (12_000, 16_000, "BRL", MO)),
    ("MXN $60,000 - $80,000 mensuales brutos", "MX", (60_000, 80_000, "MXN", MO)),
    ("60 000 à 72 000 €", "FR", (60_000, 72_000, "EUR", Y)),
    ("45.000 a 52.000 € brutos anuales", "ES", (45_000, 52_000, "EUR", Y)),
    ("4 800–5 900 €/kk", "FI", (4_800, 5_900, "EUR", MO)),
    # the period in brackets after the amount
    ("2.800€ (per month)", "DE", (2_800, 2_800, "EUR", MO)),
    ("$3,000 - $3,500 (monthly)", None, (3_000, 3_500, "USD", MO)),
    ("$32 (per hour)", None, (32, 32, "USD", H)),
    ("$4,500 (monthly housing stipend)", None, None),
    ("Call 555-123-4567", None, None),
    ("closed $45,000,000 of new financing", None, None),
    ("was acquired by a bigco for $95M", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "country", "expected"), PARSE_CASES)
def test_parse_salary(text: str, country: str | None, expected) -> None:
    salary = parse_salary(text, country=country)
    if expected is None:
        assert salary is None
        return
    assert salary is not None, text
    assert (salary.min, salary.max, salary.currency, salary.period) == pytest.approx(expected)


# (text, country, exact Salary.text)
TEXT_CASES = [
    ("Acme | Staff ML Engineer | $150k-$200k + equity | Remote", None, "$150k-$200k"),
    ("Backend | €70–90k | Berlin", None, "€70–90k"),
    ("Lead | 120K USD + equity", None, "120K USD"),
    ("Contract at $75/hr, 6 months", None, "$75/hr"),
    ("pays £60,000 - £80,000 pa plus pension", None, "£60,000 - £80,000 pa"),
    ("Zurich | CHF 140'000 | onsite", None, "CHF 140'000"),
    ("Bengaluru | ₹25-35 LPA | hybrid", None, "₹25-35 LPA"),
    ("Tokyo | ¥8M-12M | visa", None, "¥8M-12M"),
    ("salary of $160,000 to $210,000 a year, benefits", None, "$160,000 to $210,000 a year"),
    ("Intern | 2.800€ (per month) | Hamburg", None, "2.800€ (per month)"),
]


@pytest.mark.parametrize(("text", "country", "expected"), TEXT_CASES)
def test_salary_text_is_the_exact_substring(text: str, country: str | None, expected: str):
    salary = parse_salary(text, country=country)
    assert salary is not None
    assert salary.text == expected
    assert salary.text in text


# (text, country, currency, currency_uncertain)
UNCERTAIN_CASES = [
    ("$150k-$200k", None, "USD", True),
    ("$150k-$200k", "US", "USD", False),
    ("$150k-$200k", "CA", "CAD", False),
    ("$150k-$200k", "MX", "USD", True),
    ("$150k-$200k USD", None, "USD", False),
    ("US$150k", None, "USD", False),
    ("¥9M", None, "JPY", True),
    ("¥9M", "JP", "JPY", False),
    ("600 000 kr", None, "SEK", True),
    ("600 000 kr", "DK", "DKK", False),
    ("140k-170k", "FR", "EUR", True),
    ("140k-170k", None, None, False),
    ("€140k", None, "EUR", False),
]


@pytest.mark.parametrize(("text", "country", "currency", "uncertain"), UNCERTAIN_CASES)
def test_currency_resolution(text: str, country, currency, uncertain: bool) -> None:
    salary = parse_salary(text, country=country)
    assert salary is not None
    assert (salary.currency, salary.currency_uncertain) == (currency, uncertain)


# (longer text, [(min, max, currency, period), ...] in order)
FIND_CASES = [
    (
        "Quillwork (YC W23) | Remote (US)\n"
        "- Senior ML Engineer: $170k-$210k + equity\n"
        "- Staff Research Scientist: $210k–$260k + equity\n"
        "- Data Analyst: $95k-$120k",
        [
            (170_000, 210_000, "USD", Y),
            (210_000, 260_000, "USD", Y),
            (95_000, 120_000, "USD", Y),
        ],
    ),
    (
        "Hiring two roles in Lisbon: Data Engineer (€55-70k) and ML Engineer (€65-85k).",
        [(55_000, 70_000, "EUR", Y), (65_000, 85_000, "EUR", Y)],
    ),
    (
        "1. Applied Scientist - $180K-240K + equity\n"
        "2. MLOps Engineer - $150K-$190K + equity\n"
        "3. Intern - $45/hr",
        [(180_000, 240_000, "USD", Y), (150_000, 190_000, "USD", Y), (45, 45, "USD", H)],
    ),
    (
        "We raised $40M last year from great investors. Base: $130k-$160k, "
        "plus a $10k signing bonus and a $1,000 learning budget.",
        [(130_000, 160_000, "USD", Y)],
    ),
    (
        "Comp: $120k base, $220k OTE. Series B ($35M).",
        [(120_000, 120_000, "USD", Y)],
    ),
    (
        "Pay is $7,500/mo ($90,000/yr) while we are small.",
        [(7_500, 7_500, "USD", MO), (90_000, 90_000, "USD", Y)],
    ),
    (
        "Base pay: $160k - $185k USD / $205k - $235k CAD",
        [(160_000, 185_000, "USD", Y), (205_000, 235_000, "CAD", Y)],
    ),
    (
        "Mid level — 4 500 to 6 500 USD per month\nLead level — 7 000 to 9 500 USD per month",
        [(4_500, 6_500, "USD", MO), (7_000, 9_500, "USD", MO)],
    ),
    (
        "Contractors earn 50-75 USD per hour; employees get 8000-12000 USD a month.",
        [(50, 75, "USD", H), (8_000, 12_000, "USD", MO)],
    ),
    (
        "Wir zahlen monatlich zwischen 6800 CHF und 8900 CHF.",
        [(6_800, 8_900, "CHF", MO)],
    ),
    (
        "Tier 2 - $140-165k\nTier 3 - $170-200k",
        [(140_000, 165_000, "USD", Y), (170_000, 200_000, "USD", Y)],
    ),
    (
        "Our Rust team | Oslo | 900 000 - 1 150 000 NOK | onsite",
        [(900_000, 1_150_000, "NOK", Y)],
    ),
    (
        "We serve 2M users, have $5M ARR, and offer $2k for your home office.",
        [],
    ),
    (
        "Benefits: 401k, $150 monthly gym stipend, 25 days off",
        [],
    ),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_salaries(text: str, expected) -> None:
    found = find_salaries(text, country="US")
    got = [(s.min, s.max, s.currency, s.period) for s in found]
    assert got == expected
    assert all(s.text in text for s in found)


EQUITY_CASES = [
    ("$150k-$200k + equity", True),
    ("0.5% equity", True),
    ("0.25% – 1.0% ownership", True),
    ("Good salary and stock options", True),
    ("£55K – £95K +options", True),
    ("RSUs vest over four years", True),
    ("Generous ESOP", True),
    ("meaningful equity", True),
    ("Co-founder role, sweat equity only", True),
    ("Phantom shares for all staff", True),
    ("$150k-$200k", False),
    ("No equity, but a great bonus", False),
    ("We care about diversity, equity and inclusion", False),
    ("Our mission: health equity for all", False),
    ("Owned by a private equity group", False),
    ("Equity research analyst tools", False),
    ("Flexible remote options", False),
    ("We help homeowners unlock equity in their houses", False),
    ("Pay equity audits every year", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), EQUITY_CASES)
def test_has_equity(text: str, expected: bool) -> None:
    assert has_equity(text) is expected


# (low, high, currency, period, out of bounds?) — bounds in USD-equivalent per period
BOUNDS_CASES = [
    (150_000, 200_000, "USD", Y, False),
    (1_200_000, 1_500_000, "USD", Y, True),  # nobody's base pay
    (2_000, 2_400, "USD", Y, True),  # a monthly figure marked yearly
    (45, 60, "USD", H, False),
    (4_500, 6_000, "USD", H, True),  # a monthly figure marked hourly
    (1.5, 2, "USD", H, True),
    (8_000, 12_000, "PLN", MO, False),
    (9_000_000, 12_000_000, "JPY", Y, False),  # ¥9M is a normal year
    (9_000_000, 12_000_000, "USD", Y, True),
    (30, 40, "EUR", MO, True),
]


@pytest.mark.parametrize(("lo", "hi", "currency", "period", "expected"), BOUNDS_CASES)
def test_plausibility_bounds(lo, hi, currency, period, expected: bool) -> None:
    assert out_of_bounds(lo, hi, currency, period) is expected


# (text, country, the words reported as implausible pay, or None)
REJECTED_CASES = [
    ("$1.2M-1.5M", "US", "$1.2M-1.5M"),
    ("€2.000 - €3.000 per hour", "DE", "€2.000 - €3.000 per hour"),
    ("$140k-$170k", "US", None),  # plausible: kept, nothing rejected
    ("DOE", None, None),  # no pay at all: nothing to reject
    ("We raised $30M", None, None),  # funding, not pay: not counted as implausible pay
]


@pytest.mark.parametrize(("text", "country", "expected"), REJECTED_CASES)
def test_implausible_pay_is_left_empty_and_reported(text: str, country, expected) -> None:
    rejected: list[str] = []
    salary = parse_salary(text, country=country, rejected=rejected)
    if expected is None:
        assert rejected == []
    else:
        assert salary is None and rejected == [expected]
