"""Board title cleanup: invented titles shaped like the boards' real ones."""

import pytest

from pipelines.titles import clean_title, cut_tags

CASES = [
    # places and regions
    ("Data Analyst - Porto", "Data Analyst"),
    ("Expert Watches Benelux", "Expert Watches"),
    ("Expert Vintage Toys (Austria)", "Expert Vintage Toys"),
    ("Account Manager Spain – Jewellery (ES-based)", "Account Manager Spain – Jewellery"),
    ("Community Partnerships Contractor, Thailand", "Community Partnerships Contractor"),
    ("Senior Growth Marketer Indonesia", "Senior Growth Marketer"),
    ("Content Moderator - United States", "Content Moderator"),
    # remote and time-zone tags
    ("Senior Backend Developer (Go) - Remote", "Senior Backend Developer (Go)"),
    ("Staff Software Engineer, Kotlin (US Remote)", "Staff Software Engineer, Kotlin"),
    ("Senior Rust Developer - Remote - EU Time Zone", "Senior Rust Developer"),
    ("Illustrator (Central European Time Zone)", "Illustrator"),
    ("Support Engineer - Payments - (LatAm)", "Support Engineer - Payments"),
    ("Data Engineer (remote - EU)", "Data Engineer"),
    ("Frontend Entwickler (m/w/d) React – 100 % remote", "Frontend Entwickler (m/w/d) React"),
    ("Engineering Lead (Remote) – US", "Engineering Lead"),
    ("Work From Home Customer Success Associate", "Customer Success Associate"),
    ("Office Coordinator - REMOTE", "Office Coordinator"),
    ("[Remote] Customer Success Manager", "Customer Success Manager"),  # a tag in front
    ("(Hybrid) Payroll Accountant", "Payroll Accountant"),
    ("Onsite, Claims Specialist, Auto Care", "Claims Specialist, Auto Care"),
    ("Radio Engineer (Remote Eligible | Relocation Assistance Available)", "Radio Engineer"),
    ("Data Steward (Remote Eligible - Chile)", "Data Steward"),
    ("Tax Advisor (Remote Eligible in the UK)", "Tax Advisor"),
    ("Clinic Physician (Denver, CO) Hybrid", "Clinic Physician"),  # a bare mode after a place
    ("Care Coordinator - Denver, CO - Onsite", "Care Coordinator"),
    ("Sales Associate Early Career - Denver, CO On-Site", "Sales Associate Early Career"),
    ("Analista de Dados Pleno (Híbrido)", "Analista de Dados Pleno"),
    ("Desenvolvedor Backend (Remoto)", "Desenvolvedor Backend"),
    # remote, work from home and night shift in Chinese, Japanese or Korean, wherever they stand
    ("データアナリスト (リモート)/ Data Analyst (Remote)", "データアナリスト / Data Analyst"),
    ("Support Agent （夜班22:00-6:00）", "Support Agent"),
    ("[遠端] 客服專員 Support Specialist", "客服專員 Support Specialist"),
    ("[보험] 정산 담당자 (재택근무)", "[보험] 정산 담당자"),
    ("[輪班] 客服組長 Team Lead", "[輪班] 客服組長 Team Lead"),  # the shift pattern stays
    ("[部分遠端/輪班] 客服組長 Team Lead", "[部分遠端/輪班] 客服組長 Team Lead"),  # with it
    ("[보험] 상담 (일 8시간 재택 근무)", "[보험] 상담"),  # 8 hours a day from home
    ("[보험] 상담 (계약직/재택근무 가능)", "[보험] 상담 (계약직/재택근무 가능)"),  # a contract
    # employment type, hours, pay
    ("Tutor - Data Science Track (Part-time/Remote)", "Tutor - Data Science Track"),
    ("Copywriter AI Trainer Freelance 5 10 hrs week", "Copywriter AI Trainer"),
    ("Freelance Webflow Designer", "Webflow Designer"),
    ("Temp Payroll Specialist", "Payroll Specialist"),
    ("Brand Designer - (60% - 80%)", "Brand Designer"),
    ("Senior Product Designer ($90-$150/hr)", "Senior Product Designer"),
    ("Chief of Staff (up to $150k per year depending on experience)", "Chief of Staff"),
    ("Contractor: Senior Analytics Engineer", "Senior Analytics Engineer"),
    ("Contract: Web Developer - Internal Tools", "Web Developer - Internal Tools"),
    ("Part-Time Dental Hygienist", "Dental Hygienist"),
    ("Warehouse Associate - Overnight Shift", "Warehouse Associate"),
    ("Support Specialist - Weekend Shift", "Support Specialist"),
    ("Lab Technician (Evening Shift)", "Lab Technician"),
    ("Paint Technician - 2nd Shift", "Paint Technician"),
    ("Machinist III - C Shift", "Machinist III"),
    ("Body Repair Tech (Second Shift 4/10 Schedule) - $6,000 Bonus", "Body Repair Tech"),
    ("Wheel Technician - 1st and 2nd Shift Available!", "Wheel Technician"),
    ("Mechanic - Experienced - 1st Shift (Monday to Friday)", "Mechanic - Experienced"),
    ("Delivery Driver - 4 day work week!", "Delivery Driver"),
    ("Support Engineer (4:00 PM TO 1:00 AM Shift)", "Support Engineer"),
    ("Material Handler- 1st Shift", "Material Handler"),  # a dash glued to the word before
    ("Forklift Driver - All Shifts", "Forklift Driver"),
    ("Vehicle Operator, Austin (Overnight Shift, 12-Month Duration)", "Vehicle Operator"),
    ("Cloud Engineer (2nd Shift, Weekend)", "Cloud Engineer"),
    ("Campus Software Engineer (Full-Time)", "Campus Software Engineer"),
    ("Services Engineer (Shift: 7:00 AM to 4:00 PM Eastern Time)", "Services Engineer"),
    ("Account Manager - Pacific Time", "Account Manager"),
    ("Kitchen Porter (M-F 7am-3:30pm)", "Kitchen Porter"),
    ("Night Porter - Wed - Fri 7pm - 7 am", "Night Porter"),
    ("Care Assistant (Mon-Fri, Day Shifts)", "Care Assistant"),
    ("Backend Engineer - 9 Month FTC", "Backend Engineer"),
    ("Backend Engineer - 6months Fixed Term", "Backend Engineer"),
    ("Solutions Consultant (Position located in Dublin, Ireland)", "Solutions Consultant"),
    ("Brand Analyst (Madrid based, relocation provided)", "Brand Analyst"),
    ("Finance Manager (Madrid Based Relocation Benefits Provided)", "Finance Manager"),
    ("Office Assistant (Madrid based) (No Relocation Support)", "Office Assistant"),
    ("Operations Manager (Relocation Required)", "Operations Manager"),
    ("Support Agent (Osaka, requires relocation to Osaka)", "Support Agent"),
    ("Travel Agent - Dutch - Relocation to Porto", "Travel Agent - Dutch"),
    ("Engineer (Perth-Based; Relocation & Visa Sponsorship Provided)", "Engineer"),
    # a place after a comma, with its state, or before another tag
    ("Chapter Specialist, Raleigh, NC", "Chapter Specialist"),
    ("Shift Lead, Los Angeles, CA (PM Shift)", "Shift Lead"),
    ("Nurse, Clinical Trials - Boston, MA - Onsite", "Nurse, Clinical Trials"),
    ("Account Executive- BFSI, Mumbai", "Account Executive- BFSI"),
    ("Backend Engineer - Python/Go [Remote / Global]", "Backend Engineer - Python/Go"),
    # a call for interest
    ("Expression of Interest: Data Scientist", "Data Scientist"),
    ("Graduate Quant Developer | 2031 Intake", "Graduate Quant Developer"),
    ("Nurse Practitioner - Denver - Talent Community", "Nurse Practitioner"),
    ("Sales Development Representative | Talent Pool", "Sales Development Representative"),
    ("Expression of Interest (Talent Pool): QA Engineer", "QA Engineer"),
    # company, requisition numbers, the employer after "for", emoji, punctuation
    ("Operations Manager for a Marketing Agency (SaaS)", "Operations Manager"),
    ("🚀 Senior ML Engineer!", "Senior ML Engineer"),
    ("UK Payroll Administrator", "Payroll Administrator"),
    # the role's own words stay
    ("Auction Expert (Italian speaker)", "Auction Expert (Italian speaker)"),
    ("Contract Data Architect", "Contract Data Architect"),
    ("Shift Supervisor", "Shift Supervisor"),
    ("Team Leader, Intake", "Team Leader, Intake"),  # the team, not a graduate intake
    ("Product Manager, Benefits", "Product Manager, Benefits"),  # not relocation benefits
    ("Senior Product Manager, Time", "Senior Product Manager, Time"),  # not a time zone
    ("Solutions Engineer - Platform (Support)", "Solutions Engineer - Platform (Support)"),
    ("Resident Physician (2nd Year)", "Resident Physician (2nd Year)"),
    ("[Product] Senior Product Manager", "[Product] Senior Product Manager"),
    ("[쿠팡] 데이터 분석가", "[쿠팡] 데이터 분석가"),  # a brand, though a city's name too
    ("Global Relocation Program Manager", "Global Relocation Program Manager"),
    ("Backend Engineer (Python)", "Backend Engineer (Python)"),
    ("Senior Software Engineer, Search", "Senior Software Engineer, Search"),
    ("Support Agent - Polish and English", "Support Agent - Polish and English"),
    ("HR Business Partner", "HR Business Partner"),
    ("Category Lead (Art)", "Category Lead (Art)"),
    ("Design Intern Summer 2027", "Design Intern Summer 2027"),
    ("Account Executive 3", "Account Executive 3"),
    ("Regional Sales Lead - West", "Regional Sales Lead - West"),
    # a sales, account, partner or channel job's region is its territory
    ("Account Executive, Mid-Market, DACH", "Account Executive, Mid-Market, DACH"),
    ("Partner Manager (Nordics)", "Partner Manager (Nordics)"),
    ("Channel Sales Manager - Southeast Asia", "Channel Sales Manager - Southeast Asia"),
    ("Business Development Lead Benelux", "Business Development Lead Benelux"),
    ("Head of Sales - Latin America", "Head of Sales - Latin America"),  # not "Latin"
    ("Sales Engineer - Middle East and Africa", "Sales Engineer - Middle East and Africa"),
    ("Sales Engineer - Spain and Portugal", "Sales Engineer"),  # countries: the office
    ("Territory Account Executive (Austin, TX)", "Territory Account Executive"),
    ("Partner Manager Brazil", "Partner Manager"),
    ("Senior Customer Success Manager (Nordics)", "Senior Customer Success Manager (Nordics)"),
    ("Account Manager (US Remote)", "Account Manager"),  # work mode, not a territory
    ("Sales Director, Retail - Remote", "Sales Director, Retail"),
    ("Graduate Analyst, Client Service, 2027", "Graduate Analyst, Client Service, 2027"),
    ("Remote Sensing Scientist", "Remote Sensing Scientist"),
    ("Remote", "Remote"),
]


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_clean_title(title: str, expected: str) -> None:
    assert clean_title(title) == expected


def test_company_and_requisition_prefix() -> None:
    assert clean_title("Acme&Co 31337 Senior AI Engineer Chile", "Acme&Co") == "Senior AI Engineer"
    assert clean_title("Foo LLP Data Scientist", "Foo LLP") == "Data Scientist"


def test_cached_tags_and_place_precheck_clean_as_before(monkeypatch) -> None:
    """The cached tag test and the place prechecks (a tail may open with a place, a tag may
    name one) change nothing: every case cleans the same with them switched off."""
    import pipelines.titles as titles

    titles_in = [t for t, _ in CASES] + ["Field Engineer New South Wales", "Nurse Mid West"]
    fast = [clean_title.__wrapped__(t) for t in titles_in]
    monkeypatch.setattr(titles, "_is_tag", titles._is_tag.__wrapped__)
    monkeypatch.setattr(titles, "may_open_with_place", lambda text: True)
    monkeypatch.setattr(titles, "may_name_a_place", lambda text: True)
    assert fast == [clean_title.__wrapped__(t) for t in titles_in]


@pytest.mark.parametrize(
    ("title", "company", "expected"),
    [
        ("Data Scientist (Hybrid/Toronto Based)", None, "(Hybrid/Toronto Based)"),
        ("Remote - Data Engineer", None, "Remote"),
        ("Travel Consultant - Night Shift -  Remote", None, "Night Shift - Remote"),
        ("Acme Data Engineer (Onsite)", "Acme", "(Onsite)"),  # not the company's name
        ("[部分遠端]客服專員", None, "hybrid"),  # part remote
        ("データエンジニア (リモート)", None, "remote"),
        ("客服專員（夜班17:00-2:00）", None, ""),  # a shift is no mode
        ("[部分遠端/輪班] 客服專員", None, "hybrid"),  # read in a bracket that stays
        ("[보험] 상담 (계약직/재택근무 가능)", None, "remote"),
        ("[Remote] Customer Success Manager", None, "[Remote]"),
        (
            "Radio Engineer (Remote Eligible | Relocation Assistance Available)",
            None,
            "(Remote Eligible | Relocation Assistance Available)",
        ),
        ("Data Engineer", None, ""),
    ],
)
def test_cut_tags_are_the_words_cleaning_cut(
    title: str, company: str | None, expected: str
) -> None:
    """What `clean_title` cut, for the work mode it states; a CJK mode tag in English."""
    assert cut_tags(title, clean_title(title, company), company) == expected
