"""Classes of real "Who is hiring?" failures, on invented comments: roles under department
headings, numbered in brackets, named in prose, and team stack lines that are not roles."""

from __future__ import annotations

import pytest

from pipelines.extract.hn import extract_hn
from pipelines.extract.hn.body import hiring_mentions
from pipelines.extract.hn.header import repeated_headers
from pipelines.extract.hn.titles import split_roles
from pipelines.skills import extract_skills
from tests.test_extract_hn import comment

CASES = [
    (
        "a department heading ending with a colon, its roles on the next line",
        "Quillmere | Full-time | Oslo | HYBRID<p>Hiring for technical roles:<p>"
        "Engineering (4 roles):<p>Backend, Full Stack, SRE, Security<p>"
        "Research (2 roles):<p>Research Scientists, HPC Engineers",
        ["Backend", "Full Stack", "SRE", "Security", "Research Scientists", "HPC Engineers"],
    ),
    (
        "a bulleted department, then its roles after a dash",
        "Tarnwick - Lisbon<p>We build things.<p>  * Design - Graphic Designer, UX Designer<p>"
        "  * Product - Project Manager, Product Manager",
        ["Graphic Designer", "UX Designer", "Project Manager", "Product Manager"],
    ),
    (
        "a department whose list is steps of a process is no role list",
        "Brackenfold | Senior Fullstack Developer | Canada | Hybrid<p>"
        "Interview Process: phone screen, chat with the hiring manager, take-home, offer",
        ["Senior Fullstack Developer"],
    ),
    (
        "bulleted teams, each with one job, a short list, or its levels",
        "Tarnwick - Lisbon<p>We build things.<p>  * Engineering - Experienced & Entry Level<p>"
        "  * Design - Graphic Designer, UI/UX<p>  * Sales - Solutions Director",
        ["Engineering", "Graphic Designer", "UI/UX", "Solutions Director"],
    ),
    (
        "roles numbered in brackets",
        "Orrin Labs | Multiple roles | Pune (On site) | Full time<p>We are hiring:<p>"
        "[1] Web Frontend Engineer – Pune (On site)<p>[2] Data Engineer – Pune (On site)",
        ["Web Frontend Engineer", "Data Engineer"],
    ),
    (
        "roles numbered without a space after the dot",
        "Velsharp | Austin | ONSITE<p>We are hiring for two roles:<p>"
        "1.Solutions Architect: you will partner with customers on deployments.<p>"
        "2. Forward Deployed SRE: you will own reliability for our largest accounts.",
        ["Solutions Architect", "Forward Deployed SRE"],
    ),
    (
        "roles named in prose after 'roles include'",
        "Mossgate | Remote (US) | Full-Time<p>We have several openings across teams. "
        "Engineering roles include Senior Machine Learning Engineer, Security Engineer, and "
        "Distributed Systems Engineer.",
        ["Senior Machine Learning Engineer", "Security Engineer", "Distributed Systems Engineer"],
    ),
    (
        "a team's stack line is not a role",
        "Hollowmere | Multiple Engineering Roles | Boston | ONSITE<p>"
        "- Platform Engineer: build the core services.<p>"
        "- Product Engineer: build the apps our users see.<p>"
        "Our stack:<p>Backend: FastAPI, Postgres, Redis<p>Frontend: TypeScript, React, Next.js",
        ["Platform Engineer", "Product Engineer"],
    ),
    (
        "a role line whose description names tools in a sentence is still a role",
        "Cindervale | Denver | Onsite<p>We are looking for:<p>"
        "• Frontend - we build a browser extension in TypeScript and React.<p>"
        "• Backend / Full stack - we use Scala, Akka and Kafka for our services.",
        ["Frontend", "Backend / Full stack"],
    ),
    (
        "a heading line listing two jobs is two roles; a title with a specialty is one",
        "Fernhollow | London | Onsite<p>Open now:<p>Product Managers, Product Designers<p><p>"
        "We are also growing the platform team.<p>"
        "Senior Software Engineer, Frontend & Responsive UIs: https://jobs.example/1",
        [
            "Product Managers",
            "Product Designers",
            "Senior Software Engineer, Frontend & Responsive UIs",
        ],
    ),
    (
        "a long list of short titles after a hiring verb",
        "Pellbrook - Austin, TX<p>We make ledgers.<p>Get in touch: we are looking for Product "
        "Managers, Site Engineers, Embedded Engineers, Analog Circuit Engineers, Technical "
        "Writers, Mechanical Designers and more.",
        [
            "Product Managers",
            "Site Engineers",
            "Embedded Engineers",
            "Analog Circuit Engineers",
            "Technical Writers",
            "Mechanical Designers",
        ],
    ),
    (
        "a line that only lists roles or teams; a line of tasks is none",
        "Harlowe -- Reno, NV<p>We sell boats online.<p>backend, frontend, iOS, devops, data<p>"
        "Work across frontend, backend, APIs and data.",
        ["backend", "frontend", "iOS", "devops", "data"],
    ),
    (
        "departments in the header are the roles when the body names none",
        "Brisk Storage | Engineering, Product, Sales, Customer Success | Seattle, WA<p>"
        "We build filesystems. Apply at our site.",
        ["Engineering", "Product", "Sales", "Customer Success"],
    ),
    (
        "departments in the header give way to the roles the body names",
        "Ledgerly | REMOTE | Product, Design and Engineering<p>We make ledgers.<p>"
        "Frontend Engineer role: https://jobs.example/1<p>Product Designer role: https://jobs.example/2",
        ["Frontend Engineer", "Product Designer"],
    ),
    (
        "hiring across departments, and praise before a list of jobs",
        "Tellwise (YC F24) is hiring across engineering, design, and sales. [On-Site, Berlin]",
        ["engineering", "design", "sales"],
    ),
    (
        "hiring all sorts of jobs",
        "Pixelhaus - New York, Remote<p>We're hiring all sorts of software engineers and data "
        "scientists. Fun problems.",
        ["software engineers", "data scientists"],
    ),
    (
        "short bullets under an open roles heading, up to the next heading",
        "Trustwell | San Francisco, CA (in-person) | Full-Time<p>We build trusts.<p>Open Roles<p>"
        "- Sales<p>You will work with customers.<p>- Onboarding<p>You will help customers.<p>"
        "What We Look For<p>* Strong communication<p>* Comfort in person",
        ["Sales", "Onboarding"],
    ),
    (
        "a looking-for line listing roles between spaced dashes",
        "Clarion Health | Remote (US only) | Multiple roles<p>We build clinical tools.<p>"
        "We are looking for: Staff SWEs - ML Engineers - Analytics Engineers - More!",
        ["Staff SWEs", "ML Engineers", "Analytics Engineers"],
    ),
    (
        "an open roles line with an aside and starred separators",
        "Tamsin Health | Boston | Hybrid<p>Open Roles (all need 5 years): Data Platform Lead "
        "* ML Engineer * Security Engineer",
        ["Data Platform Lead", "ML Engineer", "Security Engineer"],
    ),
    (
        "a list of role lines with links and no hiring word is an offer",
        "Pebblewick is the app for birdwatchers.<p>Both roles are in Ghent:<p>"
        "- Head of Growth: https://jobs.example.com/pebblewick/1<p>"
        "- Annotation Intern: https://jobs.example.com/pebblewick/2",
        ["Head of Growth", "Annotation Intern"],
    ),
    (
        "a bracketed note after each role line is no part of the title",
        "Vantrell | Denver | Hybrid<p>Roles:<p>++ Lead Android Engineer [Tech Stack: Kotlin, "
        "Compose, Gradle]<p>++ Lead Compliance Engineer [Skills: audits, SOC 2 evidence]",
        ["Lead Android Engineer", "Lead Compliance Engineer"],
    ),
    (
        "two header roles beside a body list of other roles are roles too",
        "Orlenby | Computer Vision Engineer, Data Engineer | Python | Full-time | Utrecht<p>"
        "We build inspection systems.<p>Open roles include:<p>• Senior Platform Engineer<p>"
        "• Delivery Manager<p>• Field Service Lead",
        [
            "Senior Platform Engineer",
            "Delivery Manager",
            "Field Service Lead",
            "Computer Vision Engineer",
            "Data Engineer",
        ],
    ),
    (
        "one header role sums up the body's roles of its kind",
        "Wrenfield | Engineers | Remote | London<p>Two openings:<p>"
        "1) Firmware engineer -- Bring up our boards.<p>2) Controls engineer -- Tune our loops.",
        ["Firmware engineer", "Controls engineer"],
    ),
    (
        "a hiring list in a bullet that names a header role adds the others",
        "Hollowmark | Full-Time | Platform engineers, Support engineers | REMOTE<p>"
        "* we are small and calm<p>* we're hiring: platform engineers, database reliability "
        "engineer, support engineers, product designers and technical writers.",
        [
            "Platform engineers",
            "Support engineers",
            "database reliability engineer",
            "product designers",
            "technical writers",
        ],
    ),
    (
        "open positions for a list, beside a role line the list names",
        "Marlow Audio - Leeds - Full time<p>We have open positions for firmware engineers, "
        "audio engineers, test engineers, etc...<p>Firmware Engineer: "
        "https://jobs.example.com/marlow/7",
        ["Firmware Engineer", "audio engineers", "test engineers"],
    ),
    (
        "also hiring a role as well as teams without a job noun",
        "Cindervale | Backend Engineers | NYC | ONSITE<p>We need backend engineers.<p>"
        "We're also hiring a Head of Design, as well as Partnerships and Customer Care "
        "roles.",
        ["Backend Engineers", "Head of Design", "Partnerships", "Customer Care"],
    ),
    (
        "bullets that give a nickname, then the title after a colon; a season's interns in the "
        "header's tags are one more hire",
        "Tallowfield - Austin, TX | Hiring employees #4,5 | Fall Interns, H1B welcome!<p>  * "
        "The Tinkerer: Backend Engineer<p>  * The Oracle: Data Scientist / ML Engineer<p>We "
        "build payment rails.",
        ["Backend Engineer", "Data Scientist / ML Engineer", "Fall Interns"],
    ),
    (
        "a role welcome as well is one more role; 'everyone welcome' is none",
        "Brightvale | Amsterdam, the Netherlands | Onsite<p>We build voice agents. We are "
        "looking for implementation leads that love working with clients. FDEs welcome as "
        "well.<p>Everyone welcome.",
        ["implementation leads", "FDEs"],
    ),
    (
        "also have a position open: one more role, named before the openings word",
        "Pellucid Security | Denver, CO | Full Time | ONSITE<p>We make firewalls. We are looking "
        "for a security engineer. We also have a developer position open for someone with "
        "Haskell experience. We also have a great office.",
        ["security engineer", "developer"],
    ),
    (
        "also hiring, the praise before the role and the levels after it dropped",
        "Quimby | Lead iOS Engineer | Oslo | ONSITE<p>You will own the app.<p>"
        "We're also hiring other data engineers of all levels, and soon interns.",
        ["Lead iOS Engineer", "data engineers"],
    ),
    (
        "also looking for a role as well as other roles",
        "Quimby | Lead iOS Engineer | Oslo | ONSITE<p>You will own the app.<p>"
        "We are also looking for a few more product designers as well as many other roles.",
        ["Lead iOS Engineer", "product designers"],
    ),
    (
        "a header role split at its team's comma is the body's whole title",
        "Tindra | Web Developer, Lesson Design & Data Analyst, Lesson Design | Full-Time | Accra"
        "<p>We teach coding.<p>Apply:<p>Web Developer, Lesson Design: https://tindra.example/1"
        "<p>Data Analyst, Lesson Design: https://tindra.example/2",
        ["Web Developer, Lesson Design", "Data Analyst, Lesson Design"],
    ),
    (
        # Each job of a body list line is one role, and the body names more than the header.
        "a body list line of two jobs does not stand for one header role",
        "Korrigan Trucks | QA, Radio Engineer, Data Engineer | Austin | Onsite<p>"
        "Looking for:<p>- Antenna Engineer, Radio Engineer<p>- QA Eng, Data Engineer",
        ["Antenna Engineer", "Radio Engineer", "QA Eng", "Data Engineer"],
    ),
    (
        "a generic phrase in a bullet, then the roles it stands for",
        "Quizzly (https://quizzly.example/) - Leeds and Pune<p>"
        "* quizzes for schools.<p>"
        "* we're hiring across all roles (designers, support, finance, etc.) in both offices",
        ["designers", "support", "finance"],
    ),
    (
        "a link after a short role bullet under a roles heading is no part of its title",
        "Fennick Labs | Multiple roles | Remote<p>We audit things.<p>Open roles:<p>"
        "* Archivist, https://fennick.example/archivist<p>* Site Ops - http://fennick.example/ops",
        ["Archivist", "Site Ops"],
    ),
    (
        "places after a comma in a role line are no part of its title",
        "Pellham | Platform Engineer | Leeds or REMOTE<p>We sell books.<p>Apply below:<p>"
        "  * Platform Engineer, Leeds and REMOTE: https://pellham.example/1<p>"
        "  * Head of Sales, Vietnam: https://pellham.example/2",
        ["Platform Engineer", "Head of Sales"],
    ),
    (
        "one title on two role lines, for two offices, is two jobs",
        "Marrowby | Onsite: Lyon or Turin<p>Our open roles:<p>"
        "Data Scientist (Lyon) - https://marrowby.example/1<p>"
        "Data Scientist (Turin) - https://marrowby.example/2<p>"
        "Support Engineer (Lyon) - https://marrowby.example/3",
        ["Data Scientist", "Data Scientist", "Support Engineer"],
    ),
    (
        "a header role after a level word in the body is the body's title",
        "Orbwell | Platform Engineer + DevRel | Oslo<p>Open roles:<p>"
        "1. Platform Engineer (Full-time): https://orbwell.example/1<p>"
        "2. Lead DevRel (Full-time): https://orbwell.example/2",
        ["Platform Engineer", "Lead DevRel"],
    ),
    (
        "words after a header role's title in the body are no new title",
        "Tessaly | QA Engineer, Product Designer | Remote (EU)<p>We make maps.<p>"
        "QA Engineer Overview: https://tessaly.example/qa<p>"
        "Product Designer Overview: https://tessaly.example/pd",
        ["QA Engineer", "Product Designer"],
    ),
    (
        "a hiring list item that a found role already names is not added twice",
        "Gorsefield | Full-Time | Senior Data Scientists, Backend engineers | REMOTE<p>"
        "* we're hiring: data scientists, backend engineers, site reliability engineers.",
        ["Senior Data Scientists", "Backend engineers", "site reliability engineers"],
    ),
    (
        "short role bullets that end with a period",
        "Zelkova | Kochi | Full-time<p>Roles:<p>"
        "- Support Engineer.<p>- Senior Data Engineer. (5 years in data)<p>"
        "- Fluent in SQL.",
        ["Support Engineer", "Senior Data Engineer"],
    ),
    (
        "a header title split at its ampersand is the body's one title",
        "Keldor | Senior Cloud Platform & SRE Engineer, Senior Web Engineer | Lyon | HYBRID<p>"
        "Nous recrutons.<p>Postes ouverts :<p>- Senior Cloud Platform & SRE Engineer",
        ["Senior Cloud Platform & SRE Engineer", "Senior Web Engineer"],
    ),
    (
        "a list of two roles that ends with 'and several other roles'",
        "Bramblecote (http://bramblecote.example) - Leeds<p>"
        "Data Engineers, Product Designer, and several other roles "
        "(see http://bramblecote.example/jobs)<p>We build tools for vets.",
        ["Data Engineers", "Product Designer"],
    ),
    (
        "a header's summary of the body's roles, in levels and other job nouns",
        "Quillon | Product Manager, Jr/Sr Full-Stack Engineers + other | Tulsa<p>We build.<p>"
        "Senior Full-Stack Developer: https://quillon.example/1<p>"
        "Junior Full-Stack Developer: https://quillon.example/2<p>"
        "Product Manager: https://quillon.example/3",
        ["Senior Full-Stack Developer", "Junior Full-Stack Developer", "Product Manager"],
    ),
    (
        "a header's summary with a slash, each word in some body title",
        "Brisling | Backend / Product Engineers | Remote (US)<p>We build.<p>Open Roles:<p>"
        "- Software Engineer, Product (Full Stack)<p>- Software Engineer, Backend",
        ["Software Engineer, Product (Full Stack)", "Software Engineer, Backend"],
    ),
    (
        "a stack label over its tools, and a signature, are no roles",
        "Dunmore | Leeds<p>We are hiring a Senior Web Developer to build our app.<p>"
        "Senior Web Developer<p>You will own the web app.<p>Backend:<p>- PHP (8.2+)<p>- MySQL<p>"
        "Frontend:<p>- React<p>Jo K, CTO, jok@dunmore.example<p>Willem, Co-founder & CTO",
        ["Senior Web Developer"],
    ),
    (
        "a prose list whose asides hold words that would end it",
        "Tamsin Labs (SF)<p>We're looking for frontend engineers (JS), designers (must be able "
        "to code), and backend engineers (Clojure). Apply today.",
        ["frontend engineers", "designers", "backend engineers"],
    ),
    (
        "the list after 'positions, including:'",
        "Orlam Software is hiring for many onsite positions, including: Software Engineers "
        "(C#, Go), Performance Test Engineers, and more! Apply at orlam.example",
        ["Software Engineers", "Performance Test Engineers"],
    ),
    (
        "a bare job noun named in passing restates the role",
        "Vetch | Founding Engineer | NYC | ONSITE<p>We build analytics.<p>I'm the CTO, and "
        "we're looking for engineers with strong fundamentals.",
        ["Founding Engineer"],
    ),
    (
        "praise with an adverb before a restated role",
        "Brask | Technical Lead, Principal, and Senior Principal Vulnerability Researcher | "
        "Arlington, VA | ONSITE<p>Brask is seeking highly experienced Technical Leads, "
        "Principals, and Senior Principal researchers to tackle hard problems.",
        ["Technical Lead, Principal, and Senior Principal Vulnerability Researcher"],
    ),
    (
        "a bare specialty and jobs in the plural share the noun and the level",
        "Corvane | Senior ML and Systems Engineers | Remote (US)<p>We build agents.",
        ["Senior ML Engineers", "Senior Systems Engineers"],
    ),
    (
        "a header pair that shares a noun still sums up the body's roles",
        "Spindle | Hardware & Software Engineers | ONSITE (Palo Alto, CA)<p>We build robots."
        "<p>- Mechanical Engineer<p>- Electrical Engineer<p>- Software Engineer",
        ["Mechanical Engineer", "Electrical Engineer", "Software Engineer"],
    ),
    (
        "one job in the singular keeps its 'and'",
        "Tolland | Research and Development Engineer | Austin, TX<p>We build sensors.",
        ["Research and Development Engineer"],
    ),
    (
        "a role line that joins jobs in the plural with 'and' names each",
        "Harrowgate | Remote<p>We build tools.<p>- Growth Lead and early-stage marketers: strong "
        "writers<p>- Data Engineers and Scientists: Python<p>- Software Developer and Team Lead: "
        "Java<p>- Full Stack Web & API Developers",
        [
            "Growth Lead",
            "early-stage marketers",
            "Data Engineers",
            "Data Scientists",
            "Software Developer and Team Lead",
            "Full Stack Web & API Developers",
        ],
    ),
    (
        "job nouns with a slip of the keyboard, and coders",
        "Quenby | Boston<p>We build robots.<p>Looking for:<p>- Perception Engineeer, "
        "Machine Learning Engineer<p>- Software Engineer, Team Lead (Identity)<p>"
        "We also need UX Desginers and Reserchers.<p>We're looking for coders, policy "
        "researchers (or both) for several roles.",
        [
            "Perception Engineeer",
            "Machine Learning Engineer",
            "Software Engineer, Team Lead (Identity)",
            "UX Desginers",
            "Reserchers",
        ],
    ),
    (
        "bullets where we hire name their roles; a quoted nickname is not the title",
        "Fenwick Laundry - San Francisco<p>We clean shirts fast.<p>* We'd like to hire "
        "qualified Software Developers to build apps.<p>* We're also looking for a 'Swiss-Army "
        "Knife' generalist to own operations.<p>* Hiring managers love our reports.",
        ["Software Developers", "generalist"],
    ),
    (
        "a header line of its own under the name, and a spelled-out contact line",
        "Maplin https://maplin.example<p>Leeds | Software Engineer | On-site<p>"
        "Email jo [at] maplin [dot] example (CTO)<p>We build tools.",
        ["Software Engineer"],
    ),
    (
        "the company's header repeated in the body, once per role",
        "Pollard | Frontend Engineer | Paoli PA | REMOTE<p>We build search.<p>"
        "Pollard |Backend Engineer | Paoli PA | REMOTE, VISA | $150k<p>Go and Postgres.<p>"
        "Pollard | Rust Frontend Engineer | Paoli PA | REMOTE",
        ["Frontend Engineer", "Backend Engineer"],
    ),
    (
        "a header piece labelled as roles, in brackets",
        "Brevik | Remote (EU) | Full-Time | Roles: [Engineering Manager (Ruby on Rails), Lead "
        "Product Engineer (Ruby on Rails)]<p>We build for grocers.",
        ["Engineering Manager", "Lead Product Engineer"],
    ),
    (
        "a role open on my team, and its team after a dash",
        "I have a new role open on my team: Staff Engineer – GenAI. We build agents.<p>"
        "Location: Remote in the US",
        ["Staff Engineer – GenAI"],
    ),
    (
        "an arrow after a role line's title, then its link",
        "Coolby Labs | Harbor Springs, MI | Onsite, Internships<p>We're also looking for some "
        "design interns and one front end development intern!<p>Designer interns -> See "
        "http://coolby.example/design<p>Front end dev intern -> HTML/CSS chops would be perfect!",
        ["design interns", "front end development intern"],
    ),
    (
        "a prose list that ends where the jobs' skills start",
        "Apple's Siri is looking for exceptional engineers, designers, and project managers "
        "well versed in machine learning, natural language, speech recognition, and/or mobile "
        "software development. Apply today.",
        ["engineers", "designers", "project managers"],
    ),
    (
        "a team after a role line's dash, named in capitals",
        "Brelby | Remote<p>We build tools.<p>- Software Developer - Build & Release Automation<p>"
        "- Staff Software Engineer - Developer Experience (Gradle): https://brelby.example/1<p>"
        "- Node Developer - With MySQL",
        [
            "Software Developer - Build & Release Automation",
            "Staff Software Engineer - Developer Experience",
            "Node Developer",
        ],
    ),
    (
        "a header's bare specialty takes the job the prose names with it",
        "Brisk | Frontend, Back-end, Business Development | Amsterdam | ONSITE<p>Our office is "
        "looking for frontend and/or back-end engineers at all levels. We also like hardcore "
        "builders, not analysts.",
        ["frontend engineers", "back-end engineers", "Business Development"],
    ),
    (
        "two items on one line of a list whose dashes are glued to their words",
        "Songbird (https://songbird.example) Nashville TN or remote<p>We build song tools."
        "<p>We're hiring for the following positions:<p>-EmberJS Developer<p>-Frontend "
        "Developer (HTML, CSS, jQuery) -UI/UX Designer<p>Email chris@songbird.example",
        ["EmberJS Developer", "Frontend Developer", "UI/UX Designer"],
    ),
    (
        "two jobs in the singular under one article are one hire",
        "Quillon | NYC<p>We are looking for a UX/UI Designer and Engineer, a Growth marketer, "
        "and a Director of Sales.",
        ["UX/UI Designer and Engineer", "Growth marketer", "Director of Sales"],
    ),
    (
        "two jobs each with its own article are two hires",
        "Quillon | NYC<p>We are looking for a UX/UI Designer and an Engineer.",
        ["UX/UI Designer", "Engineer"],
    ),
    (
        "a title and another title under one article are two hires",
        "Quillon | NYC<p>We are looking for a security engineer and director of marketing.",
        ["security engineer", "director of marketing"],
    ),
    (
        "words in lower case before a title from its level on describe the job",
        "Brightvale | Remote | Full-time<p>Brightvale is hiring a full-stack Senior Software "
        "Engineer who likes to ship.",
        ["Senior Software Engineer"],
    ),
    (
        "jobs named before more openings in general after a hiring verb",
        "Brightvale | SF | ONSITE<p>Hiring FDEs and various Member of Technical Staff roles.",
        ["FDEs", "Member of Technical Staff"],
    ),
    (
        "a header's bare specialty takes the prose's job with a second specialty after a slash",
        "Brisk | Frontend, Backend, Business Development | Amsterdam | ONSITE<p>We are looking "
        "for frontend and/or backend / DevOps engineers who like a flat hierarchy.",
        ["frontend engineers", "backend / DevOps engineers", "Business Development"],
    ),
    (
        "a header's last piece that runs on into the post names no roles",
        "Sonara | All roles in Santa Clara | ONSITE - http://sonara.example/careers I'm an "
        "Engineering Manager at Sonara. We've just raised $75 Million from NVIDIA, Samsung, KP "
        "and others to take on the giants in voice with our platform.",
        [""],
    ),
    (
        "a prose list of jobs and teams after a hiring verb",
        "Pellucid | Remote<p>We build ledgers.<p>We're currently hiring product managers, "
        "marketing roles, developers, sales reps, and more; see the jobs page.",
        ["product managers", "marketing roles", "developers", "sales reps"],
    ),
    (
        "a long named team after a role line's dash stays in the title",
        "Quillbank | Remote<p>We build ledgers.<p>Platform Engineer (https://quillbank.example/2)"
        "<p>Statistician (PhD or equivalent) – Risk Modelling & Pricing Research for Retail "
        "Credit (https://quillbank.example/3)<p>Apply by email.",
        [
            "Platform Engineer",
            "Statistician (PhD or equivalent) – Risk Modelling & Pricing Research for Retail"
            " Credit",
        ],
    ),
    (
        "a team's own aside after a role line's dash stays in the title",
        "Quillet | Several Roles | Remote<p>We sell address data.<p>"
        "- Data Engineer - Fraud team (Bots / Proxies) - apply at https://quillet.example/1<p>"
        "- Software Engineer - Session Initiation Protocol (SIP)- https://quillet.example/2<p>"
        "- Backend Engineer - Payments (Remote, EU)<p>"
        "- Platform Engineer - Storage (Go, Kafka)",
        [
            "Data Engineer - Fraud team (Bots / Proxies)",
            "Software Engineer - Session Initiation Protocol (SIP)",
            "Backend Engineer - Payments",
            "Platform Engineer - Storage",
        ],
    ),
    (
        "a body link's bare title takes the level the header gives it",
        "Brindle | Senior Designer, Jr/Sr Backend Engineers | Leeds<p>We make ledgers.<p>"
        "Senior Backend Developer: https://brindle.example/1<p>"
        "Junior Backend Developer: https://brindle.example/2<p>"
        "Designer: https://brindle.example/3",
        ["Senior Backend Developer", "Junior Backend Developer", "Senior Designer"],
    ),
    (
        "bullets under a line that ends with positions and a colon",
        "Harlow Space Lab, Tromsø<p>Our satellite team has these positions:<p>"
        "* Flight Software Engineer<p>* Harness Assembler<p>* Ground Station Operator",
        ["Flight Software Engineer", "Harness Assembler", "Ground Station Operator"],
    ),
    (
        "bullets under a paragraph whose last sentence ends with positions and a colon",
        "Fjordlight, Bergen<p>We build weather buoys. Our sensors fly on three continents. "
        "We have a few open positions:<p>* Firmware Engineer<p>* Buoy Technician<p>"
        "* Fleet Dispatcher",
        ["Firmware Engineer", "Buoy Technician", "Fleet Dispatcher"],
    ),
    (
        "bullets under a sentence that ends with we are looking for and a colon",
        "Glassmere | Porto<p>We make lenses. At our Porto lab we are currently looking for:<p>"
        "- Optical Engineers<p>- Lens Polisher<p>- Procurement",
        ["Optical Engineers", "Lens Polisher", "Procurement"],
    ),
    (
        "a team bullet with a clause in brackets after it",
        "Inkhaven, Remote<p>We host docs.<p>Openings:<p>* Technical Writer<p>"
        "* Partnerships (with a background in publishing)",
        ["Technical Writer", "Partnerships"],
    ),
    (
        "a specialty's notes that end on a thing (tools, skills) are no role",
        "Harborline | Multiple roles | Remote<p>We make charts.<p>Backend Engineer<p>"
        "- Go, Postgres, Kafka<p>Frontend<p>- React, TypeScript<p>"
        "- Frontend build tools: vite, esbuild, webpack<p>- Backend skills: caching, queues",
        ["Backend Engineer", "Frontend"],
    ),
    (
        "a role after 'invites applications for' in a post's prose",
        "Kestrel Labs - Pune, India - ONSITE<p>Kestrel Labs invites applications for a Firmware "
        "Engineer in our motor drives group. You will write C for small chips.",
        ["Firmware Engineer"],
    ),
    (
        "a line of other openings names its role",
        "Kestrel Labs - Pune, India - ONSITE<p>We build motor drives.<p>"
        "Other openings: Test Lead – Power Electronics<p>More: https://kestrel.example/jobs",
        ["Test Lead – Power Electronics"],
    ),
    (
        "a line of other positions available names its roles",
        "Kestrel Labs | Pune | ONSITE<p>We build motor drives.<p>"
        "Other positions available: Test Lead, Technical Writer, and a Field Engineer.",
        ["Test Lead", "Technical Writer", "Field Engineer"],
    ),
    (
        "a header's bare job noun sums up the list of roles the prose names",
        "Tidewell | Engineer | Leeds | ONSITE<p>We build tide gauges with a small team.<p>"
        "Now hiring for backend, full stack and data positions. Email jobs@tidewell.example",
        ["backend", "full stack", "data"],
    ),
    (
        "a bullet's title, an aside in brackets, then more words about the job",
        "Ledgerly | NYC | Onsite<p>We reconcile invoices.<p>"
        "* Backend Engineers (Go, Postgres, AWS) Payments, Ledger and Reporting teams<p>"
        "* Office Manager (travel, events, supplies) You will keep the office running.",
        ["Backend Engineers", "Office Manager"],
    ),
    (
        "bullets that are job links beside role links are roles, job noun or not",
        "Orchard Health | Austin, TX | Onsite<p>We build clinic software.<p>In Austin:<p>"
        "• Elixir (Possible REMOTE) - http://orchard.example/j/1<p>"
        "• Release Engineer - http://orchard.example/j/2<p>"
        "• Sr SDET, Mobile - http://orchard.example/j/3<p>"
        "• Database Administrator - http://orchard.example/j/4<p>"
        "• More roles here - http://orchard.example/jobs<p>"
        "• Denver, CO - http://orchard.example/denver",
        ["Elixir", "Release Engineer", "Sr SDET, Mobile", "Database Administrator"],
    ),
    (
        "job nouns outside software: a fellowship, a technologist, an assembler",
        "Brightwater | Lisbon<p>We make maps.<p>Senior Backend Developer: https://bw.example/1<p>"
        "Cartography Fellowship: https://bw.example/2<p>"
        "Research Technologist: https://bw.example/3<p>"
        "Cable Harness Assembler: https://bw.example/4",
        [
            "Senior Backend Developer",
            "Cartography Fellowship",
            "Research Technologist",
            "Cable Harness Assembler",
        ],
    ),
    (
        "a team or a level and specialty between two titles of a pipe header is a role too",
        "Wrenfield | https://wrenfield.example | Staff Engineers | Sales Engineer | "
        "Brand Marketing | Account Managers<p>We sell ledgers.",
        ["Staff Engineers", "Sales Engineer", "Brand Marketing", "Account Managers"],
    ),
    (
        "a level and a platform between two titles",
        "Leeds | Quillby | Backend (Go) | Junior iOS | iOS Lead<p>Text.",
        ["Backend", "Junior iOS", "iOS Lead"],
    ),
    (
        "a bullet naming a trade among bulleted titles is a role too",
        "Pellham | Leeds | Onsite<p>We are growing. Join us!<p>"
        "• Backend Developers (Go / Postgres)<p>• Content people (video)<p>"
        "• QA Analysts (manual testing)<p>Write to jobs@pellham.example",
        ["Backend Developers", "Content people (video)", "QA Analysts (manual testing)"],
    ),
    (
        "a line naming a trade between two role lines, each with its link",
        "Torvane | Remote | Part-time<p>We are hiring for:<p>"
        "Growth Writer (Junior, Remote)<p>https://torvane.example/1<p>"
        "Press Relations & Community Events (Mid-level, Remote)<p>https://torvane.example/2<p>"
        "Product Manager (Senior, Remote)<p>https://torvane.example/3",
        ["Growth Writer", "Press Relations & Community Events", "Product Manager"],
    ),
    (
        "a bullet naming a trade below a bullet of two roles and one of a concept",
        "Pellham | Leeds | Onsite<p>We are growing. Join us!<p>"
        "· Data Engineers and Data Analysts: you own the warehouse.<p>"
        "· Computer vision<p>· Account Executives: based in Leeds.<p>"
        "· Makers and former founders: you ship end to end.<p>· Plenty of other roles",
        [
            "Data Engineers",
            "Data Analysts",
            "Computer vision",
            "Account Executives",
            "Makers and former founders",
        ],
    ),
    (
        "a bullet of tools beside bulleted titles is no role",
        "Pellham | Leeds | Onsite<p>Roles:<p>• Backend Developers (Go)<p>"
        "• Data Analysts (SQL)<p>• Kubernetes and Terraform",
        ["Backend Developers", "Data Analysts"],
    ),
    (
        "roles named in passing, each with a clause saying whom they want",
        "Quorvane | Lyon | Onsite<p>Frontend Engineer<p>You build our dashboards.<p>"
        "Not a frontend engineer? We're also hiring Rust developers who love storage engines "
        "(RocksDB, LMDB), data platform engineers who want to own pipelines, and also "
        "sales candidates.",
        ["Frontend Engineer", "Rust developers", "data platform engineers", "sales candidates"],
    ),
    (
        "a bullet listing roles, each with a clause saying whom they want",
        "Halvenmoor | Multiple Roles | Remote (EU)<p>We're hiring across product:<p>"
        "· Solutions Engineers: you help customers ship.<p>"
        "· Designers that code, PMs that write specs, or data-savvy engineers<p>"
        "· Engineers who love Python, Go and Rust",
        ["Solutions Engineers", "Designers", "PMs", "data-savvy engineers"],
    ),
    (
        "a job named beside 'our … team'; 'hiring managers' are no hiring verb",
        "Brindlecove (brindlecove.example)<p>We’re hiring for both our Backend Engineer and "
        "Data team.<p>We connect founders, hiring managers and recruiters.<p>"
        "Apply: https://jobs.example/brindlecove",
        ["Backend Engineer"],
    ),
    (
        "'our' before the job hired; the hiring manager who signs is no role",
        "Brindlecove is building a tide-power exchange, and we're hiring our founding data "
        "engineer in Oslo!<p>I'm the hiring manager mira: mira at brindlecove dot example.",
        ["founding data engineer"],
    ),
    (
        "a heading laid out as the role headings above it is a role, job noun or not",
        "Tallowmere | Engineers | REMOTE (Global) | Full-Time<p>We crawl the web.<p>--<p>"
        "Data Engineer - Remote (Global), Full-Time<p>You build our pipelines.<p>--<p>"
        "Platform Engineer - Remote (Global), Full-Time<p>You run our clusters.<p>--<p>"
        "Ex-Founders (any field) - Remote (Global), Full-Time<p>Founders, reach out.",
        ["Data Engineer", "Platform Engineer", "Ex-Founders"],
    ),
    (
        "a bullet under a roles heading that names its job as 'a … role'",
        "Parkwell | ONSITE in Leeds | Full Time<p>We book parking.<p>We're hiring for:<p>"
        "- A backend engineering role in Python, Kafka and Airflow<p>"
        "- A Senior iOS Engineer (Swift)<p>- Strong opinions on code review",
        ["backend engineering role", "Senior iOS Engineer"],
    ),
    (
        "the role the prose names before the role lines of 'Other openings', without praise",
        "Fennick Labs - www.fennick.example - Pune, India - ONSITE<p>"
        "Fennick invites applications for a detail-minded and data-driven Vision Engineer in "
        "our imaging group. You will "
        "build inspection systems.<p>Other Openings : QA Lead – Embedded Systems<p>"
        "Email careers@fennick.example",
        ["Vision Engineer", "QA Lead – Embedded Systems"],
    ),
    (
        "a paragraph labelled with the team it hires for; the header spells out initials",
        "Corvell | Machine Learning Engineers | Boston (Onsite)<p>"
        "ML Engineers: We are looking for people who love Bayesian models.<p>"
        "Channel Sales: We are looking for driven people to grow our reseller network."
        "<p>Culture: We are looking for owners, not renters.<p>About us: we are twelve people.",
        ["Machine Learning Engineers", "Channel Sales"],
    ),
    (
        "two dash bullets run together on one line",
        "Tunefold (https://tunefold.example) Memphis TN or remote<p>We build tools for "
        "songwriters.<p>We're hiring for the following positions:<p>-Rails Developer (Ruby)<p>"
        "-Android Developer (Kotlin) -Product Designer",
        ["Rails Developer", "Android Developer", "Product Designer"],
    ),
    (
        "a field named in passing in place of a job; not a tool",
        "Vantor | Senior Developers | Denver | ONSITE<p>We index audio at scale.<p>"
        "Additionally we're looking for people interested in speech recognition to join our "
        "core team. We are also looking for someone experienced in Rust. We are also "
        "looking for people interested in joining us on the other side.<p>"
        "We are also hiring on the sales front.",
        ["Senior Developers", "speech recognition", "sales"],
    ),
    (
        "the job that open roles across teams are for",
        "Skyhold (https://skyhold.example) | Denver and Texas | All Full-time<p>"
        "We're hiring a people manager for our flight controls team.<p>"
        "We also have many open roles across autonomy, cloud and embedded for software "
        "engineers.",
        ["people manager", "software engineers"],
    ),
    (
        "a dashed list: an item saying what the one before focuses on is no role",
        "Carelane | $150-220k | Remote (US only) | Multiple roles<p>We read patient records."
        "<p>We are looking for: Staff and Senior SWEs, Frontend and Data focused - ML Engineers "
        "- A Product Manager for our claims team - More!",
        ["Staff and Senior SWEs", "ML Engineers", "Product Manager"],
    ),
    (
        "a hybrid of two jobs is one role",
        "Medline Rescue | Austin, TX | Onsite | up to $100k<p>We are looking for a cross-breed "
        "of a data analyst and QA engineer to keep our records clean.",
        ["data analyst and QA engineer"],
    ),
    (
        "requirement bullets name no roles, under whatever heading",
        "Fennick | Senior Backend Engineer (Go) | Poland | Remote<p>We build a marketplace.<p>"
        "What we&#x27;re looking for:<p>- Strong backend experience with Go<p>- Senior-level "
        "engineer comfortable owning services end-to-end<p>Big pluses:<p>- DevOps experience"
        "<p>- Frontend, Kotlin, or mobile experience",
        ["Senior Backend Engineer"],
    ),
    (
        "a list whose items each start with an article: 'and' alone joins one person's jobs",
        "Paperwell | Oslo<p>We make lab notebooks.<p>We are looking for a Data Analyst and "
        "Engineer, a Support Lead / Community Manager, and a Head of Sales.",
        ["Data Analyst and Engineer", "Support Lead / Community Manager", "Head of Sales"],
    ),
]


@pytest.mark.parametrize("html,titles", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_roles(html: str, titles: list[str]) -> None:
    assert [p.title for p in extract_hn(comment(html)).postings] == titles


TITLES = [
    (
        "full stack engineers, ai/ml engineers and growth/marketing",
        ["full stack engineers", "ai/ml engineers", "growth/marketing"],
    ),
    ("Data science, Backend dev, Frontend dev", ["Data science", "Backend dev", "Frontend dev"]),
    ("positive, gritty, no-drama software engineers", ["software engineers"]),
    (
        "Systems Engineers + Software Engineer, Data Platform",
        ["Systems Engineers", "Software Engineer, Data Platform"],
    ),
    ("Mobile Engineers, Android and iOS", ["Mobile Engineers, Android and iOS"]),
    ("backend and frontend developers", ["backend developers", "frontend developers"]),
    # "or" before one job in the singular offers one job of either specialty.
    ("Frontend or Full Stack Product Engineer", ["Frontend or Full Stack Product Engineer"]),
    ("frontend or backend engineers", ["frontend engineers", "backend engineers"]),
    (
        "frontend, backend, and systems programmers",
        ["frontend programmers", "backend programmers", "systems programmers"],
    ),
    (
        "Senior Frontend, Senior Backend, Graphics Engineer",
        ["Senior Frontend", "Senior Backend", "Graphics Engineer"],
    ),
    (
        "Devops, Electrical Engineer and Perception Engineers",
        ["Devops", "Electrical Engineer", "Perception Engineers"],
    ),
    ("Growth Marketer (first hire)", ["Growth Marketer"]),
    ("Frontend Developer (Svelte experience is a bonus)", ["Frontend Developer"]),
    (
        "Senior Backend Engineer (Go, Postgres) 2 days in-office Austin",
        ["Senior Backend Engineer"],
    ),
    # A tech-stack list is not part of the title; a specialty (list) is.
    ("Staff Data Engineer (Scala, Kafka, Snowflake)", ["Staff Data Engineer"]),
    ("Lead Developer (Elixir)", ["Lead Developer"]),
    ("Platform Engineer (mostly Terraform)", ["Platform Engineer"]),
    ("Web Engineer (Svelte, Redis, CI)", ["Web Engineer"]),
    ("Principal Engineer (back-end Kotlin), Lisbon", ["Principal Engineer"]),
    ("server (Rust) developers", ["server developers"]),
    ("Senior Engineer (Payments: Java, Kafka)", ["Senior Engineer (Payments)"]),
    ("Software Engineer (Ledger)", ["Software Engineer (Ledger)"]),
    ("Engineers (SRE, payments, search, mobile)", ["Engineers (SRE, payments, search, mobile)"]),
    ("Research Engineer (AI/ML)", ["Research Engineer (AI/ML)"]),
    ("Smart Contract Developer (Solidity)", ["Smart Contract Developer"]),
    ("smart, driven analysts", ["analysts"]),
    (
        "Team Lead, Principal, and Senior Principal Security Analyst",
        ["Team Lead, Principal, and Senior Principal Security Analyst"],
    ),
    ("Lead, Staff and Principal Engineers", ["Lead, Staff and Principal Engineers"]),
    ("Head of Partnerships (Remote in Canada)- $150k", ["Head of Partnerships"]),
    ("Quant Developer (f/m) / onsite / Vienna", ["Quant Developer"]),
    ("Platform Engineer at Brindlewood", ["Platform Engineer"]),
    ("Data Scientists, & more!", ["Data Scientists"]),
    ("hands-on, software developers", ["software developers"]),
    ("Physician-Scientist (MD or equivalent)", ["Physician-Scientist (MD or equivalent)"]),
    # A list's last item after ", and a", or a team named with "roles", is its own item.
    (
        "integration engineers, technical writers, an office manager, and a finance person",
        ["integration engineers", "technical writers", "office manager", "finance person"],
    ),
    ("frontend, backend, devops, and product roles", ["frontend", "backend", "devops", "product"]),
    (
        "Data Analysts, Data Scientists, Sales Positions, Lead SEO & more!",
        [
            "Data Analysts",
            "Data Scientists",
            "Sales Positions",
            "Lead SEO",
        ],
    ),  # fmt: skip
    # A full title then its teams is one title; a list of teams and jobs is a list.
    (
        "Full Stack Engineer, Cloud Services, Monitoring",
        [
            "Full Stack Engineer, Cloud Services, Monitoring",
        ],
    ),  # fmt: skip
    ("Engineers, EMs, GTM, Former Founders", ["Engineers", "EMs", "GTM", "Former Founders"]),
    (
        "frontend and/or backend / DevOps engineers",
        [
            "frontend engineers",
            "backend / DevOps engineers",
        ],
    ),  # fmt: skip
    # What the job mixes, in brackets, is a remark on it, not its name.
    (
        "Lead Software Engineer (people management + hands-on backend); Staff Technical Writer",
        ["Lead Software Engineer", "Staff Technical Writer"],
    ),
    # A kind of software engineering takes no scientist's or analyst's noun.
    ("senior full-stack and data scientist", ["senior full-stack", "data scientist"]),
    ("backend and data engineers", ["backend engineers", "data engineers"]),
    # People who are no job after "and" are not part of the title.
    ("engineers and data lovers of all levels", ["engineers"]),
    # A title around a slash that holds all the other's words names the same job.
    ("Data Engineer / Senior Data Engineer", ["Data Engineer / Senior Data Engineer"]),
    (
        "Mechanical Design Engineers / Mechanical Engineers",
        [
            "Mechanical Design Engineers / Mechanical Engineers",
        ],
    ),  # fmt: skip
    # "roles"/"positions" after a team or a level is its head noun, kept as written; after a
    # job's own noun, or as the noun of a whole "… and …" list, it is no part of the title.
    (
        "research positions, some support roles, designers, staff level roles",
        ["research positions", "support roles", "designers", "staff level roles"],
    ),
    ("Platform Engineer several positions", ["Platform Engineer"]),
    # A title that starts "Experienced" says so as written; praise in prose does not.
    ("Experienced Kotlin Developer", ["Experienced Kotlin Developer"]),
    ("experienced, motivated platform engineers", ["platform engineers"]),
    # The employer and its site after "at"/"@" are no part of the title.
    ("Data Engineer @ Quillbank (quillbank.com)", ["Data Engineer"]),
    ("Tech Lead at Quillbank (https://quillbank.io/jobs)", ["Tech Lead"]),
    # A work mode glued to either end is no part of the title; a specialty it spells is.
    ("Rust Engineer | REMOTE", ["Rust Engineer"]),
    ("Staff Platform Engineer HYBRID", ["Staff Platform Engineer"]),
    ("Full-time Onsite Lead Designer", ["Lead Designer"]),
    ("Remote Sensing Scientist", ["Remote Sensing Scientist"]),
    ("Hybrid Cloud Architect", ["Hybrid Cloud Architect"]),
    # A remote scope in brackets, an employment type after a bar or a dash: no title words.
    ("Android Developer (Worldwide)", ["Android Developer"]),
    ("Design Intern (Spring 2027)", ["Design Intern (Spring 2027)"]),  # when, as written
    ("Office Manager | Part-Time", ["Office Manager"]),
    ("Lead Designer - Full-time", ["Lead Designer"]),
    ("Engineer - Front-end", ["Engineer - Front-end"]),
    # The arrow before a link, a trailing "!" or "&": no title words.
    ("Staff Engineer, Payments → https://jobs.example/17", ["Staff Engineer, Payments"]),
    ("Data Engineer => https://jobs.example/18", ["Data Engineer"]),
    ("Senior Go Developers!", ["Senior Go Developers"]),
    # A place glued to the end goes with the bracket after it, however that is spelt.
    ("Backend Engineer Austin, TX (hybird)", ["Backend Engineer"]),
    # A place or work mode set before the title by a bar, a dash or a colon goes; a team
    # stays.
    ("Denver|Senior Data Engineer", ["Senior Data Engineer"]),
    ("NY- PRODUCT MANAGER", ["PRODUCT MANAGER"]),
    ("Remote: Staff Engineer", ["Staff Engineer"]),
    ("Payments - Backend Engineer", ["Payments - Backend Engineer"]),
    # A count before the title, "too" or "and others" after it: no title words.
    ("(2) Support Engineers", ["Support Engineers"]),
    ("3 backend devs", ["backend devs"]),
    ("Solutions Architect too", ["Solutions Architect"]),
    ("Site Reliability Engineers + many others", ["Site Reliability Engineers"]),
    ("3D Artist", ["3D Artist"]),
    # A separator inside a parenthesis neither splits nor rewrites the title after it.
    ("Staff Engineer (Go or Rust) – Search & Ranking", ["Staff Engineer – Search & Ranking"]),
    # A bare specialty joined by "and" to an item of a list takes its noun.
    (
        "a product manager, iOS and android developers, and a designer",
        ["product manager", "iOS developers", "android developers", "designer"],
    ),
    # The words of the link a role line points with are no part of the title.
    ("Backend - Job Posting", ["Backend"]),
    ("Senior Data Engineer —> Apply here", ["Senior Data Engineer"]),
    ("Front-end Engineer, see more details and apply", ["Front-end Engineer"]),
    ("developers (job descriptions below)", ["developers"]),
    ("Applied AI Engineer", ["Applied AI Engineer"]),
    # ... and every bare specialty before it, one with an aside too, in a list with one "and".
    (
        "Forward-deployed (customer success), AI, and Platform Engineers",
        ["Forward-deployed Engineers (customer success)", "AI Engineers", "Platform Engineers"],
    ),
    (
        "Frontend, Backend and Data Engineers",
        ["Frontend Engineers", "Backend Engineers", "Data Engineers"],
    ),
]


@pytest.mark.parametrize("text,titles", TITLES)
def test_titles(text: str, titles: list[str]) -> None:
    """Shared head nouns, remarks in parentheses, places and company names after the title."""
    assert [r.title for r in split_roles(text)] == titles


def _skills(html: str) -> list[list[str]]:
    return [extract_skills(p.skills_text or "") for p in extract_hn(comment(html)).postings]


def test_company_blurb_gives_no_skills() -> None:
    """What the company does (its fields, its products) is not what a role asks for; the
    stated stack is."""
    html = (
        "Drumlin Analytics | Backend Engineer | Oslo | Onsite<p>Drumlin Analytics applies machine"
        " learning and computer vision to satellite images for farmers.<p>We are a team of 12."
        " We process petabytes with deep learning models.<p>Our stack: Go, PostgreSQL, Kafka."
    )
    assert _skills(html) == [["go", "postgresql", "kafka"]]


def test_blurb_that_states_the_stack_is_kept() -> None:
    html = (
        "Brisklow | Data Engineer | Remote<p>We are building a ledger for small shops, using "
        "Python, dbt and Snowflake.<p>Apply by e-mail."
    )
    assert sorted(_skills(html)[0]) == ["dbt", "python", "snowflake"]


@pytest.mark.parametrize(
    ("paragraph", "skills"),
    [
        # "your" and "use" do not make a blurb a stack.
        ("Fenwold is a tool that lets anyone in your company query Postgres and MySQL.", []),
        ("Fenwold is open-source software: anyone in your company can use it on MySQL.", []),
        ("We're a remote team who care about user experience and Snowflake.", []),
        # A hiring sentence that asks for experience is kept.
        (
            "We are looking for a backend engineer with Python and AWS experience.",
            ["python", "aws"],
        ),
    ],
)
def test_blurb_needs_a_stated_stack(paragraph: str, skills: list[str]) -> None:
    html = f"Fenwold | Backend Engineer | Remote<p>{paragraph}<p>Apply by e-mail."
    assert sorted(_skills(html)[0]) == sorted(skills)


@pytest.mark.parametrize(
    ("paragraph", "skills"),
    [
        # A story sentence inside a paragraph that also states the stack names only fields.
        (
            "We pair lab assays with scalable high-performance computing. Our stack is Go"
            " and Postgres.",
            ["go", "postgresql"],
        ),
        (
            "We sit on-site because our problems (HPC + chemistry) call for it. You write Rust.",
            ["rust"],
        ),
        # A story sentence naming a tool keeps it; a sentence asking for a field keeps it.
        ("We run everything on Kubernetes. You will write Rust.", ["kubernetes", "rust"]),
        ("We need HPC skills. You will write Rust.", ["hpc", "rust"]),
        (
            "We are growing the team and need help with data pipelines. You will write Rust.",
            ["data-pipelines", "rust"],
        ),
    ],
)
def test_story_sentence_naming_only_fields(paragraph: str, skills: list[str]) -> None:
    html = f"Quillmere | Backend Engineer | Remote<p>{paragraph}<p>Apply by e-mail."
    assert sorted(_skills(html)[0]) == sorted(skills)


def test_roles_with_sections_share_the_stack_not_the_story() -> None:
    """Beside each role's own section, a paragraph of prose about the company (its fields, its
    models) gives no role a skill; a stack line, a list of tools and a sentence naming tools
    are shared by all."""
    html = (
        "Harrowgate | Berlin | Onsite | Multiple Roles<br>"
        "Harrowgate applies machine learning to every spreadsheet a business keeps, ledgers"
        " and forecasts alike.<p>"
        "Spreadsheets run every business, but deep learning and LLM research have mostly"
        " ignored them. We built the first transformer that reads them well.<p>"
        "Data Engineer \u2014 Own the Spark pipelines that feed the training runs.<p>"
        "Frontend Engineer \u2014 Build the editor in Svelte.<p>"
        "- Docker and Kubernetes everywhere, with Terraform for the cloud parts of the system<p>"
        "Our stack: Python, PostgreSQL.<p>"
        "Both roles: PyTorch, JAX and strong math. We can sponsor work permits here."
    )
    shared = ["docker", "jax", "kubernetes", "postgresql", "python", "pytorch", "terraform"]
    data, frontend = _skills(html)
    assert sorted(data) == sorted([*shared, "spark"])
    assert sorted(frontend) == sorted([*shared, "svelte"])


def test_a_roles_own_header_and_what_follows_are_that_roles() -> None:
    """A comment that repeats one role as a posting of its own ("Acme | Full Stack Engineer |
    Berlin", then its stack) gives that stack to that role only."""
    html = (
        "Harrowgate | Berlin | Onsite<p>"
        "Data Engineer \u2014 Own the Spark pipelines that feed the training runs.<p>"
        "Full Stack Engineer \u2014 Build the product that puts our models in users' hands.<p>"
        "Harrowgate | Full Stack Engineer | Berlin | Full Time<p>"
        "You will build the editor. React, FastAPI, TypeScript."
    )
    data, full_stack = _skills(html)
    assert data == ["spark"]
    assert sorted(full_stack) == ["fastapi", "react", "typescript"]


COMPANIES = [
    # Nothing else names the company: a web address in the first lines does, as the text
    # spells it, and not when the text names more than the address.
    (
        "Seattle. Chicago.<p>Full-time. careers at tollbrook.example.<p>Tollbrook. We audit.",
        "Tollbrook",
    ),
    (
        "New York, NY.<p>Full Time.<p>http://www.thequillers.example<p>Developers wanted.",
        "thequillers",
    ),
    (
        "Data Developer (f/m) / onsite / Berlin<p>https://brellin-jobs.personio.de/job/5466",
        "brellin",
    ),
    (
        "Albuquerque, NM<p>https://www.oakfirstpolicy.example/<p>Oak First Policy Institute's "
        "office needs coders.",
        None,
    ),
    ("Quillby / Scala Engineer / San Francisco, CA<p>You know concurrency.", "Quillby"),
    # A team under the title is not the company.
    (
        "Senior Devtools Engineer<p>Engineering | Boston, MA<p>Corvel is a leading provider.",
        "Corvel",
    ),
    # A title first, the company named by the site or the opening prose, not the title.
    (
        "Ops Evangelist | Oakland (on-site) | $130-150k<p>At Quorvane, we build log tools.",
        "Quorvane",
    ),
    ("Founding Technical AE | https://teskel.io | REMOTE | Full-time<p>Text.", "teskel"),
    ("Tallow Tutors | Remote (US) | Hourly contractors<p>Math Tutor — $40/hr", "Tallow Tutors"),
    ("Counselor | Remote (US) | Hourly<p>At Counselor, we help.", "Counselor"),
    ("Build Engineers | kelvaro.com | full-time, Denver (ONSITE)<p>Text.", "kelvaro"),
    ("Senior Engineer | https://www.pondlit.tech | remote | EU timezone<p>Text.", "pondlit"),
    (
        "Denver, CO | Hushwick (https://hushwick.example/careers) | Full Stack (Rails) | "
        "Senior Android | Android Lead<p>Text.",
        "Hushwick",
    ),
    (
        "Tallowmere, San Francisco, CA. Intern, Visa, ok.<p>We are hiring engineers. "
        "Apply: jobs@tallowmere.example",
        "Tallowmere",
    ),
    (
        "Quernstone, Santa Barbara (CA) and Edinburgh (UK). Full time.<p>"
        "We are hiring a Senior Software Engineer.",
        "Quernstone",
    ),
    ("Brambleton.com (Vancouver, Canada)<p>We are hiring a back-end developer.", "Brambleton"),
    ("Larkspur Ltd / REMOTE (UK)<p>We are looking for a senior Rails developer.", "Larkspur Ltd"),
    # A word beside the place on the first line is a guess; a name its own link spells on
    # the next line is the company.
    (
        'San Francisco, SOMA<p>Quillfeather Press <a href="http://quillfeatherpress.example">'
        "http://quillfeatherpress.example</a><p>We're looking for a full stack engineer.",
        "Quillfeather Press",
    ),
    # A header name that nothing else in the post says gives way to the name the post's own
    # address spells and its text writes; a name the text repeats stays.
    (
        'Good4Code -- <a href="https://www.tidepool.example">https://www.tidepool.example'
        "</a> | Cebu, Philippines | Full-Time<p>TidePool, a not-for-profit, builds SMS tools."
        "<p>Full Stack Developer: https://goo.gl/x1",
        "TidePool",
    ),
    (
        'Good4Code -- <a href="https://www.tidepool.example">https://www.tidepool.example'
        "</a> | Cebu, Philippines | Full-Time<p>Good4Code builds TidePool, SMS tools."
        "<p>Full Stack Developer: https://goo.gl/x1",
        "Good4Code",
    ),
    (
        "Tidewell Insurance (https://www.usetidewell.example) | Backend Engineer | SF<p>"
        "Tidewell is an insurer.<p>Our stack: Go, React through a Next.js app "
        "(https://next.example).",
        "Tidewell Insurance",
    ),
    # The prose calls the company by its first word; the first line writes it in full.
    (
        "Baltimore MD, Quasar Project at Quincy College, Software Engineers and Researchers: "
        "http://qlab.example/join<p>Quasar is a software framework for genomics.",
        "Quasar Project",
    ),
    # A tool's dotted name or a bare address is no name the text writes.
    (
        "Sorrelwood | Founding Engineer | SF<p>We read PDFs.<p>Full-stack: TypeScript, "
        "Next.js, Postgres.",
        "Sorrelwood",
    ),
    (
        "Cormant Systems<p>Location: Boston, MA<p>Roles: Senior MLOps Engineer<p>"
        "Apply: cormant.example/careers",
        "Cormant Systems",
    ),
    # A team, then its owner in brackets that the post's address spells: the owner.
    (
        "Applied Scientist | Search Ranking (Vantora) | Bellevue WA | Full-time<p>We rank "
        "pages.<p>Reach us at ranking@vantora.example",
        "Vantora",
    ),
    (
        "Applied Scientist | Search Ranking (Vantora) | Bellevue WA<p>Reach us at jobs@sr.example",
        "Search Ranking",
    ),
    (
        "Minor League Coding (MLC) | Tutorial Writers | Remote<p>Apply at https://mlc.example",
        "Minor League Coding",
    ),
    # A piece that states equity is no name; the site names the company, as its text writes it.
    (
        "Software Engineer | Front End | FULL TIME | Menlo Park, CA | $90-140k+ | Equity 0.05% – "
        "0.4% | Visa Sponsorship Available | quilltechnologies.example<p>QUILL schedules sites.",
        "quilltechnologies",
    ),
    (
        "Data Engineer | brightkiln.example | Berlin | Onsite<p>Brightkiln makes kilns smarter.",
        "Brightkiln",
    ),
]


@pytest.mark.parametrize("html,company", COMPANIES)
def test_company_from_the_header(html: str, company: str) -> None:
    """A header that names the company by its site, beside a level-and-platform piece, or
    before its places on a comma line."""
    postings = extract_hn(comment(html)).postings
    assert postings and {p.company for p in postings} == {company}


@pytest.mark.parametrize(
    "html,title",
    [
        ("Quillbank Developer | Austin, TX<p>Quillbank is hiring a developer.", "Developer"),
        ("Quill Developer | Austin, TX<p>Quillbank is hiring a developer.", "Quill Developer"),
    ],
)
def test_the_company_name_glued_before_the_title(html: str, title: str) -> None:
    """A header piece that starts with the employer's name as the post writes it, then a
    job title: the name is the company, not part of the title."""
    (posting,) = extract_hn(comment(html)).postings
    assert (posting.title, posting.company) == (title, "Quillbank")


def test_a_team_after_the_title_is_no_company_when_the_post_names_its_own() -> None:
    html = (
        "Sr. Software Engineer - Core Systems<p>FULLTIME - Palo Alto, CA<p>Jobs: "
        '<a href="https://brisket.jobtracker.example/public">https://brisket.jobtracker.'
        "example/public</a><p>Brisket, a well-funded startup, is a wonderful place to work. "
        "Resumes to hannah [at] brisket [dot] com"
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.company) for p in postings] == [
        ("Sr. Software Engineer - Core Systems", "Brisket")
    ]


def test_a_generic_roles_piece_is_no_place() -> None:
    """ "Multiple Roles" and "Engineering and Non-Engineering Roles" are no location (geonames
    lists "Roles" among Raleigh's names): a remote job with them has no country."""
    html = "Duckling | Engineering and Non-Engineering Roles | Remote | Full-time<p>We hire."
    (posting,) = extract_hn(comment(html)).postings
    assert posting.location_text is None


@pytest.mark.parametrize(
    "piece,titles",
    [
        (".NET Engineer Roles", [".NET Engineer"]),  # "roles" after a title
        ("2 Sr. Platform Architect with ML", ["Sr. Platform Architect"]),  # a count first
        (
            "Backend Engineer (https://jobs.example/jobs/42)",
            ["Backend Engineer"],
        ),  # "jobs" in a link
        (
            "Multiple roles: Marine Biologists, Senior Data Engineer",  # a label before the list
            ["Marine Biologists", "Senior Data Engineer"],
        ),
        ("Multiple Roles", [""]),
        ("Engineering and Sales positions", [""]),
    ],
)
def test_titles_in_a_header_piece_about_openings(piece: str, titles: list[str]) -> None:
    """A header piece that reads as openings in general ("roles", a count, a link with "jobs",
    "Multiple roles:") still gives the titles it names; one naming none gives none."""
    html = f"Quillbank | {piece} | Remote (US) | Full-time<p>We build ledgers."
    assert [p.title for p in extract_hn(comment(html)).postings] == titles


@pytest.mark.parametrize(
    "header,title,company",
    [
        ("Quill Review Specialist | REMOTE | Contract | $30/hr", "Quill Review Specialist", None),
        ("Tallow Tutors | Remote (US) | Hourly contractors", "", "Tallow Tutors"),
        ("Counsellor (https://counsellor.example) | Remote (US)", "", "Counsellor"),
        (
            "Tally Assistant https://tallyassistant.example | Backend Engineer | Remote",
            "Backend Engineer",
            "Tally Assistant",
        ),
    ],
)
def test_a_singular_title_first_in_a_pipe_header_is_no_name(
    header: str, title: str, company: str | None
) -> None:
    """A first piece of two words or more ending on one job's noun is a title, though no other
    piece names the company; a trade in the plural or one word with its site is a name."""
    (posting,) = extract_hn(comment(f"{header}<p>Work with us.")).postings
    assert (posting.title, posting.company) == (title, company)


def test_a_stack_split_by_side_goes_to_the_role_of_that_side() -> None:
    """A stack "Go on the backend, React on the frontend" gives Go to the Backend Engineer and React
    to the Frontend Engineer; a role whose title names no side keeps both."""
    html = (
        "Quillbank | Backend Engineer, Frontend Engineer, Data Scientist | Remote<p>"
        "Tech stack: Go and Postgres on the backend, TypeScript and React on the frontend.<p>"
        "Everyone writes SQL."
    )
    backend, frontend, data = _skills(html)
    assert sorted(backend) == ["go", "postgresql", "sql"]
    assert sorted(frontend) == ["react", "sql", "typescript"]
    assert sorted(data) == ["go", "postgresql", "react", "sql", "typescript"]


def test_a_stack_split_by_labels_goes_to_the_role_of_each_label() -> None:
    html = (
        "Quillbank | Remote (EU)<p>"
        "- Senior Back-end Engineer: https://quillbank.example/jobs/1<br>"
        "- Senior Front-end Engineer: https://quillbank.example/jobs/2<p>"
        "Stack:<br>Backend: Elixir, Phoenix, PostgreSQL<br>Frontend: Vue, Tailwind"
    )
    backend, frontend = _skills(html)
    assert sorted(backend) == ["elixir", "phoenix", "postgresql"]
    assert sorted(frontend) == ["tailwind", "vue"]


def test_one_side_at_the_end_of_a_list_splits_nothing() -> None:
    """A list "Python, Node, Clojure on the backend" names one side at its end: the list is the
    whole team's, not split."""
    html = (
        "Quillbank | Backend Engineer, Frontend Engineer | Remote<p>"
        "We have used Python, Node, Clojure on the backend and like React."
    )
    backend, frontend = _skills(html)
    assert sorted(backend) == sorted(frontend) == ["clojure", "node-js", "python", "react"]


def test_a_product_blurb_about_what_you_have_is_no_stack() -> None:
    """A product that reads "the warehouses you have" tells what it does for its users, not
    what a role asks: the company's paragraph is dropped."""
    html = (
        "Quillbank | Backend Engineer | Remote<p>"
        "Quillbank is a tool that reads the warehouses you have. It connects to BigQuery,"
        " Redshift and Snowflake.<p>Our stack: Kotlin."
    )
    assert _skills(html) == [["kotlin"]]


def test_alternative_levels_with_their_own_pay_are_one_job_each() -> None:
    html = (
        "Morrow | Senior or Staff Data Engineer | Leeds | Senior £70k-£85k, Staff: £90k-£110k"
        "<p>We move data."
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Senior Data Engineer", "£70k-£85k"),
        ("Staff Data Engineer", "£90k-£110k"),
    ]


def test_alternative_levels_with_one_pay_are_one_job() -> None:
    html = "Morrow | Senior/Staff Data Engineer | Leeds | £70k-£110k<p>We move data."
    assert [p.title for p in extract_hn(comment(html)).postings] == ["Senior/Staff Data Engineer"]


def test_a_role_named_in_passing_does_not_take_the_pay_of_another() -> None:
    html = (
        "Quimby | Oslo | ONSITE<p>We're hiring a Lead iOS Engineer to own the app; we pay "
        "$140k and up.<p>We're also hiring other data engineers of all levels."
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Lead iOS Engineer", "$140k"),
        ("data engineers", None),
    ]


def test_specialties_of_one_field_in_a_header_piece_about_openings() -> None:
    html = "Brevik | Bergen | Backend, ML, and Mobile software engineering roles.<p>We ship."
    assert [p.title for p in extract_hn(comment(html)).postings] == [
        "Backend software engineering",
        "ML software engineering",
        "Mobile software engineering",
    ]


def test_the_header_role_on_two_body_lines_of_different_places_is_two_jobs() -> None:
    html = (
        "Pellham | Platform Engineer | Leeds or Remote<p>We run the ledger.<p>Apply:<p>"
        "* Platform Engineer, Leeds: https://pellham.example/1<p>"
        "* Platform Engineer, Remote (UK): https://pellham.example/2"
    )
    postings = extract_hn(comment(html)).postings
    assert [p.title for p in postings] == ["Platform Engineer", "Platform Engineer"]
    assert [p.location_text for p in postings][0] == "Leeds"


def test_initials_in_the_header_spelled_out_in_the_body_are_one_role() -> None:
    html = (
        "Pellham | Data engineers, Senior PMs | Remote<p>We run the ledger.<p>"
        "We're hiring: data engineers, senior product managers, designers and writers."
    )
    assert [p.title for p in extract_hn(comment(html)).postings] == [
        "data engineers",
        "senior product managers",
        "designers",
        "writers",
    ]


def test_initials_in_the_body_list_of_a_header_role_add_no_role() -> None:
    html = (
        "Pellham | Product Manager, QA Engineers | Remote<p>We run the ledger.<p>"
        "We are growing; we are looking for QA engineers, designers, PM and writers to join."
    )
    assert [p.title for p in extract_hn(comment(html)).postings] == [
        "Product Manager",
        "QA Engineers",
        "designers",
        "writers",
    ]


def test_two_titles_after_a_hiring_verb_beside_the_header_role() -> None:
    html = (
        "Pellham | Backend Rails Developer | Remote<p>We run the ledger.<p>"
        "We're looking for a Platform Engineer and a Backend Developer."
    )
    assert [p.title for p in extract_hn(comment(html)).postings] == [
        "Backend Rails Developer",
        "Platform Engineer",
    ]


def test_a_sibling_item_keeps_the_place_its_line_states() -> None:
    html = (
        "Torvane | Remote (Worldwide) / Oslo (Hybrid) | Part-time<p>We are hiring for:<p>"
        "Growth Writer (Junior, Oslo, Hybrid)<p>https://torvane.example/1<p>"
        "Press Relations (Mid-level, Remote, Worldwide)<p>https://torvane.example/2<p>"
        "Product Manager (Senior, Oslo, Hybrid)<p>https://torvane.example/3"
    )
    postings = extract_hn(comment(html)).postings
    assert postings[1].title == "Press Relations"
    assert postings[1].remote_text == "Remote, Worldwide"


@pytest.mark.parametrize(
    ("html", "title", "company"),
    [
        (
            "Lyon, France. Orvellan Labs. Data Engineer. Full-time, Onsite.<p>We map rivers.",
            "Data Engineer",
            "Orvellan Labs",
        ),
        (
            "APAC (Singapore preferred). .NET Advocate. Remote working welcome.<p>Write to us.",
            ".NET Advocate",
            None,
        ),
    ],
)
def test_a_header_of_pieces_ending_in_full_stops_names_its_title(
    html: str, title: str, company: str | None
) -> None:
    """Pieces ended by full stops instead of bars are a header like a bar header."""
    record = extract_hn(comment(html))
    assert [p.title for p in record.postings] == [title]
    assert record.postings[0].company == company


def test_a_head_of_a_field_beside_openings_in_general_is_a_title() -> None:
    html = "Pallowind | Remote, EU | Head of Data + All Eng Roles | Full-time<p>We sail."
    assert [p.title for p in extract_hn(comment(html)).postings] == ["Head of Data"]


def test_a_list_of_jobs_beside_openings_and_a_bare_noun_that_sums_them_up() -> None:
    """ "various X roles" names the job X beside the others of its list; the bare lower-case
    noun of another line ("relentless hackers") is those jobs again, not one more."""
    lines = [
        "Lisbon or Madrid, relocation offered",
        "Hiring SREs and various Member of Technical Staff roles",
        "Kelvor builds simulators for ships.",
        "We're looking for relentless hackers across Physics, Rendering and Infra to join us.",
    ]
    assert [r.title for r in hiring_mentions(lines)] == ["SREs", "Member of Technical Staff"]
    assert [r.title for r in hiring_mentions(lines[3:])] == ["hackers"]
    other_job = ["We are hiring a Data Scientist and an ML Engineer.", "Also hiring designers."]
    assert [r.title for r in hiring_mentions(other_job)] == [
        "Data Scientist",
        "ML Engineer",
        "designers",
    ]


def test_a_later_pipe_line_that_opens_on_a_place_is_one_office_header() -> None:
    """Under the company's name, one pipe line per office ("Porto, Portugal | roles | mode"):
    each names its own roles, place and work mode."""
    lines = [
        "Kestrelwave",
        "Austin, TX | Account Managers | Onsite",
        "Porto, Portugal | Android Engineers & QA Engineers | Onsite",
        "We build support tools for mobile apps.",
    ]
    roles = repeated_headers(lines, "Kestrelwave")
    assert [(r.title, r.place) for r in roles] == [
        ("Account Managers", "Austin, TX"),
        ("Android Engineers", "Porto, Portugal"),
        ("QA Engineers", "Porto, Portugal"),
    ]


def test_each_role_takes_the_pay_after_its_name_in_the_header() -> None:
    html = (
        "Corvell | Data Scientists | Boston (Onsite) | $140k-180k & Channel Sales | "
        "Boston (Onsite) | $60-90k + Commission<p>"
        "Data Scientists: We are looking for people who love Bayesian models.<p>"
        "Channel Sales: We are looking for driven people to grow our reseller network."
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Data Scientists", "$140k-180k"),
        ("Channel Sales", "$60-90k"),
    ]


def test_a_role_line_takes_the_pay_stated_on_the_line_below_it() -> None:
    html = (
        "Ferrowind | Engineers | Berlin, Austin | On-site<p>"
        "Open roles<p>"
        "Backend Engineer (Senior) — Berlin — On-site<p>"
        "€90k–€120k base + equity<p>"
        "Own our ingestion services end to end<p>"
        "Solutions Engineer — Austin — On-site<p>"
        "Salary: $140k–$170k<p>"
        "Work with customers on their deployments<p>"
        "Account Executive — Austin — On-site<p>"
        "Deals with ACVs of $100k–$500k, uncapped commission"
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Backend Engineer (Senior)", "€90k–€120k"),
        ("Solutions Engineer", "$140k–$170k"),
        ("Account Executive", None),
    ]


def test_header_roles_with_head_counts_take_the_pay_of_their_numbered_lines() -> None:
    html = (
        "Quorlane (https://quorlane.example) | 1x Data Engineer + 2x ML Engineer | Denver, CO<p>"
        "We build forecasting tools.<p>Open roles:<p>"
        "1. Data Engineer (Full-time, ONSITE): $130K–$160K + equity https://quorlane.example/a<p>"
        "2. ML Engineer (Full-time, ONSITE): $150K–$190K + equity https://quorlane.example/b"
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Data Engineer", "$130K–$160K"),
        ("ML Engineer", "$150K–$190K"),
    ]


def test_a_pay_line_that_says_whose_pay_it_is_is_not_the_pay_of_the_role_above() -> None:
    html = (
        "Lumbrake | Full-time | Multiple roles | $150K-$260K | Chicago | ONSITE<p>"
        "A few roles below:<p>"
        "Senior Engineering Manager, Payments: https://lumbrake.example/jobs/1<p>"
        "Senior Android Engineer: https://lumbrake.example/jobs/2<p>"
        "Base salary: $190K-260K for Senior Eng Manager, $150K-$210K for the others."
    )
    postings = extract_hn(comment(html)).postings
    assert [p.salary_text for p in postings] == ["$150K-$260K", "$150K-$260K"]


def test_each_post_under_a_repeated_company_header_takes_the_one_pay_of_its_post() -> None:
    html = (
        "Gallowmere | Hiring Rust Developer (Full-Time) | Boston (HYBRID)<p>"
        "We are seeking a Rust Developer; in exchange we offer base comp $130k-190k and equity.<p>"
        "Requirements:<p>- Low-latency systems experience<p>----------<p>"
        "Gallowmere | Hiring SRE (Full-Time) | Boston (HYBRID)<p>"
        "We are seeking an SRE; in exchange we offer base comp $120k-$160k and equity.<p>"
        "Requirements:<p>- On-call experience"
    )
    postings = extract_hn(comment(html)).postings
    assert [(p.title, p.salary_text) for p in postings] == [
        ("Rust Developer", "$130k-190k"),
        ("SRE", "$120k-$160k"),
    ]
