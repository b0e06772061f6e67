"""extract_hn over invented "Who is hiring?" comments in HN's HTML, table-driven.

Every comment here was written for this test; none is taken from a real thread.
Each case states exactly what should come out: the skip reason, or per posting the title and
salary words, and the company, location and remote words the postings share.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from pipelines.extract.hn import extract_hn

_UNSET = object()


def comment(text: str | None, author: str | None = "someone", cid: int = 4242) -> dict[str, Any]:
    """An Algolia `items/<thread>` child, as the API returns it."""
    return {
        "id": cid,
        "created_at": "2026-03-02T16:04:05.000Z",
        "created_at_i": 1772467445,
        "type": "comment",
        "author": author,
        "title": None,
        "url": None,
        "text": text,
        "points": None,
        "parent_id": 1000,
        "story_id": 1000,
        "children": [],
        "options": [],
    }


def case(
    name: str,
    html: str | None,
    titles: list[str] | None = None,
    *,
    skip: str | None = None,
    company: Any = _UNSET,
    location: Any = _UNSET,
    remote: Any = _UNSET,
    salary: Any = _UNSET,
    salaries: list[str | None] | None = None,
    author: str | None = "someone",
):
    expect = {
        "titles": titles,
        "skip": skip,
        "company": company,
        "location": location,
        "remote": remote,
        "salary": salary,
        "salaries": salaries,
    }
    return pytest.param(html, author, expect, id=name)


A = '<a href="https:&#x2F;&#x2F;{0}" rel="nofollow">https:&#x2F;&#x2F;{0}</a>'

CASES = [
    # --- skipped ------------------------------------------------------------------------------
    case("deleted: no text", None, skip="deleted", author=None),
    case("deleted: empty text", "", skip="deleted"),
    case("deleted: marker", "[deleted]", skip="deleted"),
    case("dead: marker", "[dead]", skip="deleted", author=None),
    case(
        "meta: anyone else",
        "Is anyone else noticing fewer remote listings this month than last?",
        skip="not_a_job_offer",
    ),
    case(
        "meta: recruiting firms",
        "Please don&#x27;t post recruiting firms here, it&#x27;s against the rules of the thread.",
        skip="not_a_job_offer",
    ),
    case(
        "meta: why question",
        "Why do so few of the listings in this thread mention a salary band?",
        skip="not_a_job_offer",
    ),
    case(
        "meta: tool plug",
        "I made a filterable board of every post in this thread: " + A.format("hnboard.example"),
        skip="not_a_job_offer",
    ),
    case(
        "meta: aggregated",
        "Aggregated and searchable version of this month: " + A.format("threads.example/2026-03"),
        skip="not_a_job_offer",
    ),
    case(
        "complaint",
        "The number of onsite-only roles in this thread is depressing.<p>Nobody wants to commute.",
        skip="not_a_job_offer",
    ),
    case(
        "reply pasted at top level",
        "@quietfox did you ever hear back from them about the data role?",
        skip="not_a_job_offer",
    ),
    case(
        "quote reply",
        "&gt; must be willing to work weekends<p>That sounds like a red flag to me.",
        skip="not_a_job_offer",
    ),
    case(
        "seeking work header",
        "SEEKING WORK | Lisbon, Portugal | Remote | Python, PyTorch, MLOps",
        skip="not_a_job_offer",
    ),
    case(
        "seeking work prose",
        "Hi all, I&#x27;m looking for a job as a data scientist, 4 years of experience, open to "
        "relocation within the EU.",
        skip="not_a_job_offer",
    ),
    case(
        "seeking: wants-to-be-hired template",
        "Location: Austin, TX<p>Remote: Yes<p>Willing to relocate: No<p>Technologies: Rust, Go",
        skip="not_a_job_offer",
    ),
    case(
        "selling a service: a consultant's title header, then 'I help teams …'",
        "Cloud Cost Lead | FinOps reviews for engineering teams | $400 | Remote<p>"
        "I help teams cut their cloud bill before they scale. Book a call: cal.example/fin",
        skip="not_a_job_offer",
    ),
    case(
        "selling a service: a studio that pitches to those who hire",
        "Quillbright Studio | Remote | Workflow Consultant<p>We build done-for-you "
        "spreadsheet automations. If you&#x27;re hiring for admin roles, we can automate most "
        "of that work. Flat €40 per workflow.",
        skip="not_a_job_offer",
    ),
    case(
        "seeking: a job title header, then wanting contract work further down",
        "Data Engineer | Porto (remote) | Spark, Airflow<p>I have built pipelines for ten years."
        "<p>Currently looking for part-time or contract work. My CV: https://me.example",
        skip="not_a_job_offer",
    ),
    case("one word", "q", skip="not_a_job_offer"),
    case(
        "offer: no hiring word, but a link to the company's jobs site",
        "Ferns, ferns and more ferns<p>Do you like ferns? We grow them at scale.<p>Have a look: "
        + A.format("jobs.fernhollow.example"),
        [""],
    ),
    case("thanks", "Thanks everyone, great thread as always!", skip="not_a_job_offer"),
    # --- pipe headers -------------------------------------------------------------------------
    case(
        "pipe: classic",
        "Quillmark | Senior ML Engineer | Berlin, Germany | ONSITE | Full-time<p>We build "
        "search for legal documents.",
        ["Senior ML Engineer"],
        company="Quillmark",
        location="Berlin, Germany",
        remote="ONSITE",
        salary=None,
    ),
    case(
        "pipe: salary range dollars",
        "Brightvale | Machine Learning Engineer | Remote (US) | $150k-$200k<p>About us.",
        ["Machine Learning Engineer"],
        company="Brightvale",
        location="Remote (US)",
        remote="Remote (US)",
        salary="$150k-$200k",
    ),
    case(
        "pipe: euro range en dash",
        "Nordlicht AI | Data Scientist | Munich, Germany | Hybrid | €70–90k<p>Text.",
        ["Data Scientist"],
        company="Nordlicht AI",
        location="Munich, Germany",
        remote="Hybrid",
        salary="€70–90k",
    ),
    case(
        "pipe: K USD plus equity",
        "Tessellate | Research Scientist | Toronto, ON | 120K USD + equity<p>Text.",
        ["Research Scientist"],
        company="Tessellate",
        location="Toronto, ON",
        remote=None,
        salary="120K USD + equity",
    ),
    case(
        "pipe: hourly",
        "Pinecrest Labs | Contract Data Engineer | REMOTE | $90&#x2F;hr<p>Three month project.",
        ["Contract Data Engineer"],
        company="Pinecrest Labs",
        location=None,
        remote="REMOTE",
        salary="$90/hr",
    ),
    case(
        "pipe: salary label stripped",
        "Ravenwood | Backend Engineer | NYC | Salary: $140,000 - $175,000<p>Text.",
        ["Backend Engineer"],
        company="Ravenwood",
        location="NYC",
        salary="$140,000 - $175,000",
    ),
    case(
        "pipe: no salary",
        "Glimmer Health | Staff Data Engineer | Boston, MA | Onsite<p>We care about patients.",
        ["Staff Data Engineer"],
        company="Glimmer Health",
        location="Boston, MA",
        remote="Onsite",
        salary=None,
    ),
    case(
        "pipe: remote as separate segment",
        "Harbor AI | Applied Scientist | San Francisco | Remote<p>Text.",
        ["Applied Scientist"],
        company="Harbor AI",
        location="San Francisco",
        remote="Remote",
    ),
    case(
        "pipe: onsite with city in one segment",
        "Fernhill | Computer Vision Engineer | Onsite, NYC<p>Text.",
        ["Computer Vision Engineer"],
        company="Fernhill",
        location="Onsite, NYC",
        remote="Onsite, NYC",
    ),
    case(
        "pipe: hybrid days",
        "Copperleaf | MLOps Engineer | London, UK | Hybrid (2 days)<p>Text.",
        ["MLOps Engineer"],
        company="Copperleaf",
        location="London, UK",
        remote="Hybrid (2 days)",
    ),
    case(
        "pipe: location or remote",
        "Lumenfold | AI Engineer | San Francisco, CA or Remote (US) | Full-time<p>Text.",
        ["AI Engineer"],
        company="Lumenfold",
        location="San Francisco, CA or Remote (US)",
        remote="San Francisco, CA or Remote (US)",
    ),
    case(
        "pipe: in-office",
        "Otterline | Platform Engineer | In-office | Austin, TX<p>Text.",
        ["Platform Engineer"],
        company="Otterline",
        location="Austin, TX",
        remote="In-office",
    ),
    case(
        "pipe: YC tag stripped",
        "Sparrowhawk (YC S19) | Founding ML Engineer | San Francisco | $180k-$240k + 1% equity"
        "<p>Text.",
        ["Founding ML Engineer"],
        company="Sparrowhawk",
        location="San Francisco",
        salary="$180k-$240k + 1% equity",
    ),
    case(
        "pipe: YC tag no space",
        "Kitewing (YCW22) | Data Scientist | Remote<p>Text.",
        ["Data Scientist"],
        company="Kitewing",
    ),
    case(
        "pipe: acquired tag stripped",
        "Marlowe (acquired by Bigco) | Senior Data Scientist | Chicago, IL<p>Text.",
        ["Senior Data Scientist"],
        company="Marlowe",
        location="Chicago, IL",
    ),
    case(
        "pipe: company with url in parens",
        "Driftwood (" + A.format("driftwood.example") + ") | ML Platform Engineer | Remote (EU)"
        "<p>Text.",
        ["ML Platform Engineer"],
        company="Driftwood",
        location="Remote (EU)",
    ),
    case(
        "pipe: url segment ignored",
        "Gannet Robotics | Perception Engineer | Pittsburgh, PA | " + A.format("gannet.example"),
        ["Perception Engineer"],
        company="Gannet Robotics",
        location="Pittsburgh, PA",
    ),
    case(
        "pipe: bare domain segment",
        "Tidewell | Data Analyst | Denver, CO | tidewell.example<p>Text.",
        ["Data Analyst"],
        company="Tidewell",
        location="Denver, CO",
    ),
    case(
        "pipe: visa segment ignored",
        "Orchid Bio | Computational Biologist | Cambridge, MA | ONSITE | VISA<p>Text.",
        ["Computational Biologist"],
        company="Orchid Bio",
        location="Cambridge, MA",
        remote="ONSITE",
    ),
    case(
        "pipe: employment type is not a title",
        "Saltmarsh | Intern | ML Research Intern | Zurich, Switzerland<p>Text.",
        ["ML Research Intern"],
        company="Saltmarsh",
        location="Zurich, Switzerland",
    ),
    case(
        "pipe: contract segment",
        "Bluefin Data | Data Engineer | Contract | Remote (Europe)<p>Text.",
        ["Data Engineer"],
        company="Bluefin Data",
        location="Remote (Europe)",
    ),
    case(
        "pipe: entities in title",
        "Ironbark | ML&#x2F;AI Engineer | Remote<p>We&#x27;re small.",
        ["ML/AI Engineer"],
        company="Ironbark",
    ),
    case(
        "pipe: ampersand in company",
        "Hart &amp; Finch | NLP Engineer | London<p>Text.",
        ["NLP Engineer"],
        company="Hart & Finch",
        location="London",
    ),
    case(
        "pipe: italic header",
        "<i>Wrenfield</i> | Data Scientist | Seattle, WA<p>Text.",
        ["Data Scientist"],
        company="Wrenfield",
        location="Seattle, WA",
    ),
    case(
        "pipe: emoji company",
        "🚀 Rocketbird | Senior Data Engineer | Remote (US) | $160k–$190k<p>Text.",
        ["Senior Data Engineer"],
        company="Rocketbird",
        salary="$160k–$190k",
    ),
    case(
        "pipe: wrapped header line",
        "Cobaltline | Deep Learning Engineer |\nRemote (Canada) | Full-time<p>Text.",
        ["Deep Learning Engineer"],
        company="Cobaltline",
        location="Remote (Canada)",
    ),
    case(
        "pipe: newline ends header",
        "Moonrake | Data Engineer | Remote (US)\nWe move data for hospitals.",
        ["Data Engineer"],
        company="Moonrake",
        location="Remote (US)",
    ),
    case(
        "pipe: starred header",
        "** Quartzite | Analytics Engineer | NYC ONSITE **<p>Text.",
        ["Analytics Engineer"],
        company="Quartzite",
        location="NYC ONSITE",
        remote="NYC ONSITE",
    ),
    case(
        "pipe: pre block in body",
        "Lodestar | ML Engineer | Remote<p><pre><code>  stack: python, jax\n  team: 6</code></pre>",
        ["ML Engineer"],
        company="Lodestar",
        remote="Remote",
    ),
    case(
        "pipe: funding is not salary",
        "Thistle | Data Scientist | Remote | Raised $20M Series A<p>Text.",
        ["Data Scientist"],
        company="Thistle",
        salary=None,
    ),
    case(
        "pipe: company that sounds like a title",
        "Data Bridge Partners | Senior Data Engineer | Remote (USA)<p>Text.",
        ["Senior Data Engineer"],
        company="Data Bridge Partners",
    ),
    case(
        "pipe: location first",
        "Lyon, France | ONSITE | Full-time | ML Engineer<p>Text.",
        ["ML Engineer"],
        company=None,
        location="Lyon, France",
        remote="ONSITE",
    ),
    case(
        "pipe: title first",
        "Senior Data Scientist | Juniper Analytics | Remote<p>Text.",
        ["Senior Data Scientist"],
        company="Juniper Analytics",
    ),
    case(
        "pipe: dash inside company segment",
        "Ploverly - Dublin, Ireland | Full-time | ML Engineer<p>Text.",
        ["ML Engineer"],
        company="Ploverly",
        location="Dublin, Ireland",
    ),
    case(
        "pipe: two location segments",
        "Sandpiper | Data Engineer | New York, NY | London, UK | Hybrid<p>Text.",
        ["Data Engineer"],
        location="New York, NY; London, UK",
        remote="Hybrid",
    ),
    case(
        "pipe: generic role, no list",
        "Ashgrove | Multiple roles | Remote (US)<p>We are growing fast.",
        [""],
        company="Ashgrove",
    ),
    case(
        "pipe: no role at all",
        "Brambleton | Austin, TX | Onsite<p>We build tools for farmers.",
        [""],
        company="Brambleton",
        location="Austin, TX",
        remote="Onsite",
    ),
    case(
        "pipe: description segment ignored",
        "Larkspur | Generative audio | ML Research Engineer | Remote<p>Text.",
        ["ML Research Engineer"],
        company="Larkspur",
    ),
    case(
        "pipe: trailing years of experience dropped",
        "Foxtail | Machine Learning Engineer (5+ years) | Remote<p>Text.",
        ["Machine Learning Engineer"],
    ),
    case(
        "pipe: parenthetical remote dropped from title",
        "Heronry | Senior Data Engineer (Remote, EU) | Full-time<p>Text.",
        ["Senior Data Engineer"],
        company="Heronry",
    ),
    # --- several roles ------------------------------------------------------------------------
    case(
        "multi: comma list in header",
        "Vantage Point | Senior ML Engineer, Data Scientist, Backend Engineer | Remote (US) | "
        "$150k-$210k<p>Text.",
        ["Senior ML Engineer", "Data Scientist", "Backend Engineer"],
        company="Vantage Point",
        salaries=["$150k-$210k"] * 3,
    ),
    case(
        "multi: and plus ampersand",
        "Cinderpath | Data Engineers &amp; ML Engineers and a Product Designer | NYC<p>Text.",
        ["Data Engineers", "ML Engineers", "Product Designer"],
    ),
    case(
        "multi: oxford comma",
        "Pebblebrook | Data Analysts, Data Engineers, and Research Scientists | Remote<p>Text.",
        ["Data Analysts", "Data Engineers", "Research Scientists"],
    ),
    case(
        "multi: spaced slash splits",
        "Greywater | ML Engineer / Data Scientist | Remote<p>Text.",
        ["ML Engineer", "Data Scientist"],
    ),
    case(
        "multi: unspaced slash is one title",
        "Greywater | Frontend&#x2F;Backend Engineer | Remote<p>Text.",
        ["Frontend/Backend Engineer"],
    ),
    case(
        "multi: seniority pair is one title",
        "Kestrel | Senior and Staff ML Engineers | Remote<p>Text.",
        ["Senior and Staff ML Engineers"],
    ),
    case(
        "multi: qualifier list stays with its title",
        "Kestrel | Mobile Engineers, Android and iOS | Remote<p>Text.",
        ["Mobile Engineers, Android and iOS"],
    ),
    case(
        "multi: non-titles are not exploded",
        "Oakmoss | Research &amp; Development | Berlin<p>Text.",
        [""],
        company="Oakmoss",
        location="Berlin",
    ),
    case(
        "multi: parenthesised tech is not split, and is no part of the title",
        "Mistral Works | Backend Engineers (Go, Rust &amp; Python) | Remote<p>Text.",
        ["Backend Engineers"],
    ),
    case(
        "body: a role line keeps its specialties and a stack label, not the tools",
        "Acme | Berlin | Onsite<p>Open roles:<p>- Senior Engineers (Payments, Search, ML): "
        "https://acme.example/a<p>- Lead Engineer (Platform: Go, Kafka) - https://acme.example/b"
        "<p>- Mobile Engineer (Tech Stack: Kotlin, Swift) - https://acme.example/c",
        ["Senior Engineers (Payments, Search, ML)", "Lead Engineer (Platform)", "Mobile Engineer"],
    ),
    case(
        "multi: two role segments",
        "Anvil | Data Engineer | Senior Data Scientist | Remote (US)<p>Text.",
        ["Data Engineer", "Senior Data Scientist"],
    ),
    case(
        "multi: body bullets with own ranges",
        "Juniperline | Multiple roles | Remote (US)<p>Open roles:<p>- Staff ML Engineer "
        "($200k-$250k)<p>- Senior Data Scientist ($170k-$210k)<p>- Data Analyst<p>Apply at "
        + A.format("jobs.lever.co&#x2F;juniperline"),
        ["Staff ML Engineer", "Senior Data Scientist", "Data Analyst"],
        salaries=["$200k-$250k", "$170k-$210k", None],
        company="Juniperline",
    ),
    case(
        "multi: body bullets fall back to comment salary",
        "Pinnacle | Several positions | NYC | $130k-$180k<p>- ML Engineer<p>- Data Engineer "
        "- $150k<p>- Product Manager",
        ["ML Engineer", "Data Engineer", "Product Manager"],
        salaries=["$130k-$180k", "$150k", "$130k-$180k"],
    ),
    case(
        "multi: ul list in body",
        "Silverbirch | Remote (EU)<p>We&#x27;re hiring:<ul><li>Senior NLP Engineer</li>"
        "<li>Data Platform Engineer</li><li>Engineering Manager</li></ul>",
        ["Senior NLP Engineer", "Data Platform Engineer", "Engineering Manager"],
        company="Silverbirch",
    ),
    case(
        "multi: roles line inline",
        "Dovetail Labs | Boston, MA | Onsite<p>Roles: ML Engineer, Data Scientist and "
        "Research Engineer<p>Text.",
        ["ML Engineer", "Data Scientist", "Research Engineer"],
    ),
    case(
        "multi: body titles as paragraphs",
        "Marigold | San Diego, CA<p>Senior Computer Vision Engineer<p>Robotics Software "
        "Engineer<p>We build robots.",
        ["Senior Computer Vision Engineer", "Robotics Software Engineer"],
        company="Marigold",
        location="San Diego, CA",
    ),
    case(
        "multi: body duties are not roles",
        "Wildrose | Data Scientist | Remote<p>- Work with data engineers on pipelines<p>- "
        "Experience with PyTorch",
        ["Data Scientist"],
    ),
    case(
        "multi: header role wins over body lines",
        "Thornfield | ML Engineer | Remote<p>Senior Backend Engineer<p>Text.",
        ["ML Engineer"],
    ),
    case(
        "multi: role with salary in header list",
        "Canopy | Senior ML Engineer ($190k), Data Engineer ($160k) | Remote<p>Text.",
        ["Senior ML Engineer", "Data Engineer"],
        salaries=["$190k", "$160k"],
    ),
    case(
        "multi: duplicate titles collapse",
        "Bellwether | Data Engineer | Remote<p>Roles: Data Engineer<p>Text.",
        ["Data Engineer"],
    ),
    case(
        "multi: a role label over prose names no roles",
        "Quarrystone | Founding Engineer | Remote (Canada)<p>Role: You are the first engineer on "
        "the team, joining my co-founder (Ana, CEO) and myself (Ravi, CTO) as our first hire. "
        "You will own the whole stack, from the database, through backend services, through 3D "
        "rendering in the browser.",
        ["Founding Engineer"],
    ),
    case(
        "multi: the roles under departments, not the departments, and the example pay is one's",
        "Ridgeback Robotics | Oakland, CA | Onsite | Multiple Roles<p>We build delivery robots "
        "for hospitals.<p>Currently hiring across engineering, product, and business:"
        "<p>Cloud/Platform: Backend Engineer (Go, Postgres), Site Reliability Engineer (AWS, "
        "Terraform)<p>Product/Business: Product Manager, Account Executive<p>Comp example: "
        "Backend Engineer, mid-level $140K–$160K (Bay Area). Benefits include health and 401k.",
        ["Backend Engineer", "Site Reliability Engineer", "Product Manager", "Account Executive"],
        salaries=["$140K–$160K", None, None, None],
    ),
    case(
        "multi: the recruiting lead signing off is no role",
        "Pinecrest Health | New York, NY | Onsite<p>We&#x27;re also looking for a Data Engineer "
        "and a Product Designer.<p>I&#x27;m Mo, the recruiting lead. Write to me directly.",
        ["Data Engineer", "Product Designer"],
    ),
    # --- prose openings -----------------------------------------------------------------------
    case(
        "prose: is hiring in city",
        "Acme Vision (YC W21) is hiring ML engineers in Berlin. We build inspection software.",
        ["ML engineers"],
        company="Acme Vision",
        location="Berlin",
    ),
    case(
        "prose: hiring a title",
        "Lanternfish is hiring a Senior Data Scientist<p>We do forecasting for utilities.",
        ["Senior Data Scientist"],
        company="Lanternfish",
        location=None,
    ),
    case(
        "prose: looking for with remote paren",
        "Gullwing is looking for a Machine Learning Engineer (remote, US) to join our team.",
        ["Machine Learning Engineer"],
        company="Gullwing",
        remote="remote, US",
    ),
    case(
        "prose: two roles",
        "Quarry Labs is hiring data engineers and research scientists in London, UK.",
        ["data engineers", "research scientists"],
        company="Quarry Labs",
        location="London, UK",
    ),
    case(
        "prose: we are hiring",
        "We&#x27;re hiring a Senior MLOps Engineer to own our training infrastructure.<p>Email "
        "jobs@brookfield.example",
        ["Senior MLOps Engineer"],
        company=None,
    ),
    case(
        "prose: at header",
        "Founding AI Engineer @ Tallgrass (San Francisco, ONSITE)<p>We are three people.",
        ["Founding AI Engineer"],
        company="Tallgrass",
        location="San Francisco, ONSITE",
        remote="San Francisco, ONSITE",
    ),
    case(
        "prose: dash header",
        "Eelgrass — Senior Data Engineer — Remote (US&#x2F;Canada) — Contract<p>Text.",
        ["Senior Data Engineer"],
        company="Eelgrass",
        location="Remote (US/Canada)",
    ),
    case(
        "prose: dash header company first",
        "Moss Analytics - Copenhagen, Denmark - ONSITE<p>We&#x27;re hiring a Data Scientist.",
        ["Data Scientist"],
        company="Moss Analytics",
        location="Copenhagen, Denmark",
        remote="ONSITE",
    ),
    case(
        "prose: key-value header",
        "Company: Riverstone<p>Role: Senior Data Engineer<p>Location: Remote (US)<p>Salary: "
        "$150k-$180k<p>About us.",
        ["Senior Data Engineer"],
        company="Riverstone",
        location="Remote (US)",
        salary="$150k-$180k",
    ),
    case(
        "prose: short lines header",
        "Kingfisher Labs<p>Seattle, WA<p>Data Engineer<p>We are a small team doing analytics.",
        ["Data Engineer"],
        company="Kingfisher Labs",
        location="Seattle, WA",
    ),
    case(
        "prose: comma header",
        "Sunfleck, Portland, OR<p>We are hiring a Data Scientist to help us price risk.",
        ["Data Scientist"],
        company="Sunfleck",
        location="Portland, OR",
    ),
    case(
        "prose: funding sentence is not salary",
        "Blackwood is hiring ML engineers. We raised $12M from great investors.",
        ["ML engineers"],
        company="Blackwood",
        salary=None,
    ),
    # --- other languages ----------------------------------------------------------------------
    case(
        "german header",
        "Waldkauz GmbH | Machine Learning Ingenieur (m&#x2F;w&#x2F;d) | München | Vollzeit | "
        "Hybrid<p>Wir suchen Verstärkung.",
        ["Machine Learning Ingenieur"],
        company="Waldkauz GmbH",
        location="München",
        remote="Hybrid",
    ),
    case(
        "spanish header",
        "Colibrí | Científico de Datos | Madrid, España | Remoto | 45.000€ - 55.000€<p>Buscamos.",
        ["Científico de Datos"],
        company="Colibrí",
        location="Madrid, España",
        remote="Remoto",
        salary="45.000€ - 55.000€",
    ),
    case(
        "french header",
        "Martinet | Ingénieur Machine Learning | Paris | Hybride | CDI<p>Nous recrutons.",
        ["Ingénieur Machine Learning"],
        company="Martinet",
        location="Paris",
        remote="Hybride",
    ),
    case(
        "dutch header",
        "Grutto BV | Data Engineer | Amsterdam, Nederland | Hybride<p>Wij zoeken collega&#x27;s.",
        ["Data Engineer"],
        company="Grutto BV",
        location="Amsterdam, Nederland",
    ),
    # --- odd shapes ---------------------------------------------------------------------------
    case(
        "no author but text is still read",
        "Sedgefield | Data Scientist | Remote<p>Text.",
        ["Data Scientist"],
        author=None,
    ),
    case(
        "mojibake repaired",
        "Ã–resund AI | ML Engineer | MalmÃ¶, Sweden<p>Weâ€™re small.",
        ["ML Engineer"],
        company="Öresund AI",
        location="Malmö, Sweden",
    ),
    case(
        "bullet header",
        "Waxwing • Senior ML Engineer • Remote (US) • $170k-$200k<p>Text.",
        ["Senior ML Engineer"],
        company="Waxwing",
        salary="$170k-$200k",
    ),
    case(
        "hiring prefix dropped from title",
        "Nightjar | Hiring: Senior Data Scientist | Remote<p>Text.",
        ["Senior Data Scientist"],
    ),
    # --- roles in the body, in any language; companies from prose ----------------------------
    case(
        "body: role, colon, description",
        "Kumo Systems | Osaka, Japan | Onsite<p>Two openings:<p>- Machine Learning Engineer: "
        "train and ship ranking models, with our data team.<br>- Research Scientist: "
        "few-shot learning for new product lines; publishing is encouraged.",
        ["Machine Learning Engineer", "Research Scientist"],
        company="Kumo Systems",
    ),
    case(
        "body: plain lines, salary after the title, 'Lead' starting a title",
        "Alder Motion | Leeds, UK | Onsite<p>Junior Controls Engineer £40k–£50k<br>"
        "Lead Vision Engineer £90k–£110k<p>C++ for both.",
        ["Junior Controls Engineer", "Lead Vision Engineer"],
        salaries=["£40k–£50k", "£90k–£110k"],
    ),
    case(
        "body: Portuguese titles with a gender suffix",
        "Caju Dados | Porto | Híbrido<p>Analista de Dados Júnior – 28.000–34.000 €/ano – SQL<br>"
        "Engenheira(o) de Dados – 40.000–48.000 €/ano – Spark",
        ["Analista de Dados Júnior", "Engenheira(o) de Dados"],
    ),
    case(
        "header: Spanish title",
        "Lince Analítica | Científica/o de Datos | Valencia o Remoto (España) | "
        "42.000–50.000 € brutos<p>Texto.",
        ["Científica/o de Datos"],
        company="Lince Analítica",
    ),
    case(
        "header: German title with (m/w/d)",
        "Kranich AG | Teamlead Datenplattform (m/w/d) | Köln | Hybrid<p>Text.",
        ["Teamlead Datenplattform"],
    ),
    case(
        "header: a sentence is not a title",
        "Tanuki KK | Osaka | Hybrid | Japanese N1 required for the support role only<p>"
        "Data Engineer: ¥8M–¥11M, Python and dbt",
        ["Data Engineer"],
        salaries=["¥8M–¥11M"],
    ),
    case(
        "header: pay per role is not a title",
        "Lotus Metrics | Pune | Onsite | ₹ 20 LPA – 30 LPA (Senior) / ₹ 10 – 15 LPA (Analyst)"
        "<p>Senior Data Analyst: SQL, dbt.<br>Data Analyst: SQL.",
        ["Senior Data Analyst", "Data Analyst"],
    ),
    case(
        "header: a plural noun in the first slot is the company",
        "Northwind Tutors | Remote (US) | Hourly contractors<p>Chemistry Tutor — $30–$45/hr<br>"
        "Biology Tutor — $30–$45/hr",
        ["Chemistry Tutor", "Biology Tutor"],
        company="Northwind Tutors",
    ),
    case(
        "body: also hiring, in passing",
        "Puffin Pay | Senior Data Scientist | Dublin | Onsite<p>Fraud models in Python.<p>"
        "We are also hiring a Backend Engineer (Go, Postgres) for the ledger service.",
        ["Senior Data Scientist", "Backend Engineer"],
    ),
    case(
        "company: We're <name>, a …",
        "We&#x27;re Heron Marine, a 30-person company in Bergen building sonar drones. We are "
        "hiring a Perception Engineer to work on tracking.",
        ["Perception Engineer"],
        company="Heron Marine",
    ),
    case(
        "company: At <name>, we …",
        "At Quokka Health, we are looking for a Data Engineer to own our claims pipeline.",
        ["Data Engineer"],
        company="Quokka Health",
    ),
    case(
        "company: I'm the CTO at <name>",
        "Hi HN, I&#x27;m the CTO at Wombat Books (wombat.example). We do invoicing.<p>"
        "We&#x27;re hiring a senior data engineer (Python, Airflow) and a data analyst "
        "(SQL, Looker).",
        ["senior data engineer", "data analyst"],
        company="Wombat Books",
    ),
    case(
        "company: trailing parenthesis and [Hiring] tag dropped",
        "[Hiring] Ibis Grid (Series B, ~120 people) — Data Engineer — Remote (US)<p>Text.",
        ["Data Engineer"],
        company="Ibis Grid",
    ),
    case(
        "company: a bare domain gives its name",
        "larkspur.example | remote-first | full time<p>we need a data engineer. python, dbt.",
        ["data engineer"],
        company="larkspur",
    ),
    case(
        "header: a tool list is not a place",
        "Petrel | Remote (anywhere) | Senior Rust Engineer | async Rust, Tokio, Postgres<p>Text.",
        ["Senior Rust Engineer"],
        location=None,
    ),
    case(
        "body: the salary parser reads a role line's pay with its period",
        "Tukan Dados | Recife | Híbrido<p>• Cientista de Dados Pleno — R$ 13.000 – R$ 17.000/mês"
        " — Python<br>• Estágio em Dados — R$ 2.500/mês",
        ["Cientista de Dados Pleno", "Estágio em Dados"],
        salaries=["R$ 13.000 – R$ 17.000/mês", "R$ 2.500/mês"],
    ),
    case(
        "header: one range per role, in the order named",
        "Skua AI | Senior AI Engineer / Staff AI Engineer | Remote (US) | $180k–$220k / "
        "$220k–$260k + equity<p>Text.",
        ["Senior AI Engineer", "Staff AI Engineer"],
        salaries=["$180k–$220k", "$220k–$260k + equity"],
    ),
    case(
        "header: one range per role, by name",
        "Myna Analytics | Pune | Onsite | ₹ 28 LPA – 40 LPA (Lead) / ₹ 12 – 20 LPA (Data "
        "Scientist)<p>Lead Data Scientist: Python, team of 5.<br>Data Scientist: Python, SQL.",
        ["Lead Data Scientist", "Data Scientist"],
        salaries=["₹ 28 LPA – 40 LPA", "₹ 12 – 20 LPA"],
    ),
    case(
        "header: the company in a later cell",
        "REMOTE | Full-time | Senior Data Engineer | Bittern Health | US only<p>Text.",
        ["Senior Data Engineer"],
        company="Bittern Health",
    ),
    case(
        "header: one job named two ways around a slash",
        "Lingon AB | Dataingenjör / Data Engineer | Malmö | Hybrid<p>Text.",
        ["Dataingenjör / Data Engineer"],
    ),
    case(
        "header: two levels of one job around a slash",
        "Tern AI | Senior ML Engineer / Staff ML Engineer | Remote (US)<p>Text.",
        ["Senior ML Engineer", "Staff ML Engineer"],
    ),
    case(
        "header: pay the cheap cues miss is read by the salary parser",
        "Modrzew AI | Data Engineer | Łódź | B2B 19 000 – 24 000 zł netto + VAT<p>Text.",
        ["Data Engineer"],
        salary="B2B 19 000 – 24 000 zł netto + VAT",
    ),
    case(
        "company: a greeting is not a name",
        "Hi HN, I&#x27;m a founder at Plover Maps. We&#x27;re hiring a Data Engineer (Python, "
        "PostGIS) in Oslo.",
        ["Data Engineer"],
        company="Plover Maps",
    ),
    case(
        "header: a bare specialty is a title",
        "Gannet Cloud | Backend - Node/TypeScript | Leeds, UK | ONSITE<p>Text.",
        ["Backend - Node/TypeScript"],
    ),
    case(
        "prose: adjectives before the title dropped",
        "Ortolan Systems - Leeds - Full Time ONSITE<p>We are looking for a talented Go developer "
        "to join our payments team.",
        ["Go developer"],
    ),
    case(
        "agency with no role is not an offer",
        "We are Kestrel Talent (recruiting firm) hiring on behalf of several fintechs, DM me.",
        skip="not_a_job_offer",
    ),
    # --- real-data failure classes (invented texts shaped like them) ---
    case(
        "header tags are not a title: the role comes from the prose",
        "Quillmoor | ONSITE, INTERNS | Leeds, UK<p>We&#x27;re hiring backend engineers and "
        "data scientists to work on flood maps.",
        ["backend engineers", "data scientists"],
        company="Quillmoor",
    ),
    case(
        "company: a place is never the name; the name opening a sentence is",
        "Denver, CO - Full time (onsite)<p>Brackenridge is the leading maker of trail maps."
        "<p>- Senior Data Engineer<p>- Frontend Developer",
        ["Senior Data Engineer", "Frontend Developer"],
        company="Brackenridge",
    ),
    case(
        "company: a place after the name goes",
        "Tarnwell, San Francisco - INTERN, VISA<p>We are looking for a QA engineer.",
        ["QA engineer"],
        company="Tarnwell",
    ),
    case(
        "company: a tagline after the name goes; a web suffix goes",
        "Hollowmere.fun - The arcade for SQL | Remote (EU) | Data Engineer<p>Text.",
        ["Data Engineer"],
        company="Hollowmere",
    ),
    case(
        "company: a description is not a name",
        "Small prop-trading firm | Quant Developer | London<p>Text.",
        ["Quant Developer"],
        company=None,
    ),
    case(
        "body: a team after a dash is part of the title, a place is not",
        "Larchmont | Engineers | Remote (EU)<p>Open roles:<p>- Platform Engineer - Deployment "
        "Team: https:&#x2F;&#x2F;larchmont.example&#x2F;1<p>- Data Engineer - Berlin<p>"
        "- Director of AI (Remote US) [1]",
        ["Platform Engineer - Deployment Team", "Data Engineer", "Director of AI"],
    ),
    case(
        "multi: the body's list spells out the header's plural",
        "Corvane | Lead Engineers | Remote (US)<p>We build drones.<p>"
        "+ Lead Infra Engineer [AWS]<p>+ Lead Autonomy Engineer [C++]<p>+ Lead iOS Engineer",
        ["Lead Infra Engineer", "Lead Autonomy Engineer", "Lead iOS Engineer"],
    ),
    case(
        "multi: a comma list of teams is one posting per team",
        "Fenmark | Backend, mobile, PM, design | Oslo | Onsite<p>Text.",
        ["Backend", "mobile", "PM", "design"],
    ),
    case(
        "salary: one figure for every role, stated once in the shared text",
        "Wrenfield | Backend Engineer, Product Engineer | Berlin | Onsite<p>We are small "
        "(salary ranges for each job 70k-130k, plus equity).",
        ["Backend Engineer", "Product Engineer"],
        salaries=["70k-130k", "70k-130k"],
    ),
    case(
        "multi: a field of work in a list of titles is one more job, not the last one's team",
        "Orrindale | Data Engineer, Site Reliability Engineer, Product Manager, Computer Vision, "
        "QA Verification, Solutions Architect | Denver, CO | ONSITE<p>Text.",
        [
            "Data Engineer",
            "Site Reliability Engineer",
            "Product Manager",
            "Computer Vision",
            "QA Verification",
            "Solutions Architect",
        ],
    ),
    case(
        "multi: a tool after a title in a list of titles stays with it",
        "Orrindale | Data Engineer, Python, Site Reliability Engineer | Denver, CO<p>Text.",
        ["Data Engineer, Python", "Site Reliability Engineer"],
    ),
    case(
        "multi: interns beside another employment type, where no role is named",
        "Quelvaris Labs | Hybrid (US) Tucson AZ | Full time, interns/co-ops | "
        "https://quelvaris.example<p>We write simulation software for satellites.",
        ["", "interns/co-ops"],
    ),
    case(
        "interns beside another employment type are a tag where the post names roles",
        "Quelvaris Labs | Tucson AZ | Full-time & Interns<p>We're hiring a Data Engineer.",
        ["Data Engineer"],
    ),
    case(
        "a kind of engineering alone in the header is the job",
        "Brightwater | Field Integration Engineering (AI/ML)| Austin | Hybrid | Full-Time<p>"
        "You will build systems with our customers.",
        ["Field Integration Engineering (AI/ML)"],
    ),
    case(
        "multi: an abbreviated job noun in a list of pipe lines ('Account Exec'); the "
        "header's teams sum them up",
        "Calder Health | Clinical software | Hiring Eng, Product & Sales | SF, Remote (US)"
        "<p>- Senior Backend Engineer | SF | "
        "Full-time | $150-200k<p>- Account Exec | SF | Full-time | $120-200k<p>We build things.",
        ["Senior Backend Engineer", "Account Exec"],
    ),
    case(
        "a remark in parentheses after a listed field is not its title ('email me')",
        "Harrowgate | Boston, MA | onsite<p>We are looking for smart engineers, here are a few:"
        "<p>-Full Stack Engineers http://x.example/1<p>-Embedded Software Engineers "
        "http://x.example/2<p>-Computer vision (sensor fusion, email me)",
        ["Full Stack Engineers", "Embedded Software Engineers", "Computer vision"],
    ),
    case(
        "multi: 'Open Source' titles are no openings; the header's short names and the prose's "
        "list sum up the body's roles",
        "Brindle | Full-time | Product Eng & Open Source Dev & Platform Consultant | Remote "
        "Europe<p>I am looking for Product Engineers and Open Source Developers to join our "
        "teams.<p>- Open Source Software Engineer (https://brindle.example/careers/24): Work on "
        "the upstream project.<p>- Product Software Engineer (https://brindle.example/careers/25)"
        ": Build a platform that makes engineers productive.<p>- Platform Consultant "
        "(https://brindle.example/careers/26): Help customers run it.",
        ["Open Source Software Engineer", "Product Software Engineer", "Platform Consultant"],
    ),
    case(
        "multi: a slash between two jobs of one level, a team's one too",
        "Kestrelwing | Founding Engineer / Founding GTM | SF Bay Area (ONSITE)<p>We build "
        "agent gateways.",
        ["Founding Engineer", "Founding GTM"],
    ),
    case(
        "multi: a slash between two groups of hires named in the plural",
        "Quarrystone | senior full stack engineers / CTO consultants | Remote (EU)<p>We build "
        "tools for agencies.",
        ["senior full stack engineers", "CTO consultants"],
    ),
    case(
        "multi: a level and a specialty are list items beside an abbreviated title",
        "Tessellate AI | Staff ML, Staff Infra, FDE | Brooklyn | Full time<p>We make compute "
        "cheaper.",
        ["Staff ML", "Staff Infra", "FDE"],
    ),
    case(
        "a kind of engineering in the header gives way to the role the prose names",
        "Kestrelmark | San Francisco | Full Time | ONSITE | Software Engineering<p>Kestrelmark "
        "is hiring backend engineers:<p>https://kestrelmark.example/careers",
        ["backend engineers"],
    ),
    case(
        "company: a dotted name opening a prose header; a slash binds closer than an ampersand",
        "Lanternly.io is hiring Agent Engineers & OTel / tracing experts in Denver, Chicago, "
        "and London. Onsite",
        ["Agent Engineers", "OTel / tracing experts"],
        company="Lanternly",
    ),
    case(
        "a header piece about the team the hire joins is no title: the role below it is",
        "Quillfern | Leeds, UK | Full-time | £60k-£80k | Team of 5 engineers in Leeds and York"
        "<p>Platform Lead<p>We build ledgers for small farms.",
        ["Platform Lead"],
    ),
    case(
        "prose: 'adding a' and 'bring on a' name the hire; praise before it is no title",
        "Sporewell|Leeds (Holbeck)|Onsite|www.sporewell.example<p>We are adding a soil "
        "scientist at Sporewell. We plan to bring on an innovative soil scientist with a degree "
        "in ecology.<p>We study fungi in farm soils.",
        ["soil scientist"],
    ),
    case(
        "a business function alone in the header is the job when nothing else is named",
        "Puttly | Field Sales & Channel Marketing | USA Remote | Commission-based | "
        "puttly.example<p>We build booking tools for golf courses.<p>Email jobs@puttly.example",
        ["Field Sales & Channel Marketing"],
    ),
    case(
        "a list of the candidate's traits names no role, though one trait ends on a job noun",
        "Quillfern | Leeds (ONSITE) | Senior Platform Engineer<p>We build ledgers for farms."
        "<p>Skills:<p>* Rust & Postgres Expert – Comfortable owning the database.<p>* Experience "
        "building APIs.<p>What helps:<p>* Customer-Minded Engineer – You care how farms use it."
        "<p>* Clear Communicator – You explain ideas plainly.<p>* Steady Under Load – You stay "
        "calm on call.<p>* Bias to Action – You finish what you start.",
        ["Senior Platform Engineer"],
    ),
    case(
        "a field's 'Dev' is a job noun",
        "Quillbrook | Sr Software Dev | Austin, TX | ONSITE<p>We make invoicing software.",
        ["Sr Software Dev"],
    ),
    case(
        "a field's 'Dev' at the end of a dash header is the job",
        "Tallpine Apps (NYC) - Senior Mobile Dev - Full time<p>Build our iOS app.",
        ["Senior Mobile Dev"],
    ),
    case(
        "a bare 'mobile dev' in a role line's prose is no second role",
        "Quillbrook<p>Role: Lead Backend Developer for Django, mobile dev &amp; contribute to "
        "product &amp; culture<p>We make invoicing software.",
        ["Lead Backend Developer for Django, mobile dev & contribute to product & culture"],
    ),
]


@pytest.mark.parametrize("html,author,expect", CASES)
def test_extract_hn(html: str | None, author: str | None, expect: dict[str, Any]) -> None:
    result = extract_hn(comment(html, author=author))
    if expect["skip"]:
        assert result.skip_reason == expect["skip"]
        assert result.postings == []
        return
    assert result.skip_reason is None
    assert [p.title for p in result.postings] == expect["titles"]
    for key, attr in (
        ("company", "company"),
        ("location", "location_text"),
        ("remote", "remote_text"),
        ("salary", "salary_text"),
    ):
        if expect[key] is not _UNSET:
            assert [getattr(p, attr) for p in result.postings] == [expect[key]] * len(
                result.postings
            ), key
    if expect["salaries"] is not None:
        assert [p.salary_text for p in result.postings] == expect["salaries"]


def test_common_fields() -> None:
    html = (
        "Alderfly | Senior ML Engineer, Data Engineer | Remote (US)<p>We&#x27;re building "
        'forecasting tools.<p>Apply: <a href="https:&#x2F;&#x2F;boards.greenhouse.io&#x2F;'
        'alderfly">https:&#x2F;&#x2F;boards.greenhouse.io&#x2F;alderfly</a> or see <a '
        'href="https:&#x2F;&#x2F;alderfly.example">https:&#x2F;&#x2F;alderfly.example</a>'
    )
    result = extract_hn(comment(html, cid=777))
    assert len(result.postings) == 2
    for p in result.postings:
        assert p.url == "https://news.ycombinator.com/item?id=777"
        assert p.posted_at == datetime(2026, 3, 2, 16, 4, 5, tzinfo=UTC)
        assert p.urls == ["https://boards.greenhouse.io/alderfly", "https://alderfly.example"]
        assert p.apply_url == "https://boards.greenhouse.io/alderfly"
        assert p.description.startswith("Alderfly | Senior ML Engineer, Data Engineer")
        assert "We're building forecasting tools." in p.description


APPLY_CASES = [
    ("lever", ["https://x.example", "https://jobs.lever.co/x/123"], "https://jobs.lever.co/x/123"),
    ("ashby", ["https://jobs.ashbyhq.com/x"], "https://jobs.ashbyhq.com/x"),
    (
        "careers path",
        ["https://x.example", "https://x.example/careers"],
        "https://x.example/careers",
    ),
    ("jobs host", ["https://jobs.x.example/"], "https://jobs.x.example/"),
    ("plain site only", ["https://x.example", "https://github.com/x"], None),
    ("hn link is not apply", ["https://news.ycombinator.com/item?id=1"], None),
]


@pytest.mark.parametrize("name,urls,expected", APPLY_CASES, ids=[c[0] for c in APPLY_CASES])
def test_apply_url(name: str, urls: list[str], expected: str | None) -> None:
    links = " ".join(f'<a href="{u}">{u}</a>' for u in urls)
    result = extract_hn(comment(f"Heathland | Data Engineer | Remote<p>{links}"))
    assert result.postings[0].apply_url == expected


def test_posted_at_from_epoch_when_no_iso() -> None:
    raw = comment("Larch | Data Engineer | Remote")
    raw["created_at"] = None
    assert extract_hn(raw).postings[0].posted_at == datetime(2026, 3, 2, 16, 4, 5, tzinfo=UTC)


def test_non_technical_role_takes_only_its_own_skills() -> None:
    """Beside engineers, a product manager is not asked for the team's stack."""
    html = (
        "Ostrava Labs | Backend Engineer, Product Manager | Remote (EU)<p>"
        "Our stack: Python, Kafka and PostgreSQL."
    )
    engineer, manager = extract_hn(comment(html)).postings
    assert "Our stack: Python, Kafka and PostgreSQL." in engineer.skills_text  # all it shares
    assert manager.skills_text == "Product Manager"


def test_level_heading_gives_its_items_that_level() -> None:
    """A level heading before a list ("Internships: Eng, Design, Growth") is no part of the
    first title, and every item after it is an internship."""
    html = (
        "Larkvale | Remote | Browsers<p>We build a browser.<p>Open Roles: Eng (iOS, Android), "
        "Support Lead; Internships: Eng, Design, Growth<p>Email us."
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.structured_seniority) for p in postings] == [
        ("Eng (iOS, Android)", None),
        ("Support Lead", None),
        ("Eng", "intern"),
        ("Design", "intern"),
        ("Growth", "intern"),
    ]
