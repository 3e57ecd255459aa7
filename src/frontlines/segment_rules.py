"""Line cues for the plain-text segmenter: what a single line looks like, as data.

Each cue is a regular expression over one stripped line (case-insensitive unless
noted) with the kind of line it announces. The patterns are written for the
wording of real sites that repost war reporting (WordPress and Jetpack themes,
Disqus and wpDiscuz comment widgets, TypePad, wire-service footers, partisan
"About us" blocks), not for any one example. ``segment.py`` runs the state
machine that turns these per-line cues into segments.

Cue kinds:
- ``comments_start``: announces the reader-comment section ("12 Comments",
  "Leave a Reply", "Comments are closed").
- ``comment_meta``: a line that only occurs inside comments: a signature
  ("Ahmad says:"), a timestamp line, "3 hours ago", Reply/Report buttons,
  vote counts.
- ``opener``: starts a block of publisher matter whose following lines are
  boilerplate too, even when they read like prose ("About SouthFront",
  "Related posts", "Tags:").
- ``single``: one line of end-of-article matter (copyright, "Source: X",
  "Originally published ...", "Reporting by ...", disclaimers).
- ``share``: share/subscribe/donate/follow appeals and button rows.
- ``inline``: a boilerplate line that may sit inside the body
  ("Advertisement", "Read more: ...", photo credits).
- ``meta``: article metadata near the top (byline, "Posted on ...", a bare
  date, reading time, breadcrumbs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

CueKind = Literal["comments_start", "comment_meta", "opener", "single", "share", "inline", "meta"]


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    pattern: re.Pattern[str]
    # Footer cues also end a comment section (site footers follow the comments).
    footer: bool = False
    # Longer lines are prose that merely starts like a cue.
    max_words: int = 30
    # Metadata and tag lines never end like a sentence; prose that starts alike does.
    no_full_stop: bool = False


_I = re.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:(?:\w+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|(?:\w+day,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[a-z]{2,4}t))?)"
_AGO = (
    r"(?:(?:\d+|an?|one)\s*(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w"
    r"|months?|mo|years?|yrs?|y)\.?\s+ago)"
)
_NAME = r"[\w@][\w.'’@\- ]{0,38}?"  # a user name: a few tokens, no sentence punctuation

SOCIAL = (
    r"(?:(?:share|post|send)\s+(?:on|to|via|by)\s+)?"
    r"(?:share|tweet|pin(?: it)?|print|email|e-mail|mail|whatsapp|telegram|facebook|twitter|x"
    r"|linkedin|reddit|vk|vkontakte|pinterest|tumblr|pocket|flipboard|messenger|copy link"
    r"|gab|truth social|gettr|minds|rumble|odysee|more)"
)
_SEP = r"\s*(?:[|,·•/]|\s)\s*"

COMMENT_UI = (
    r"(?:reply|replies|report|report abuse|report comment|flag|like|likes|dislike|share ?›?"
    r"|permalink|link|edit|delete|quote|upvote|downvote|vote|votes|points?|hide|collapse|expand"
    r"|recommend|[+-]?\d{1,5}|\d{1,2}\s?(?:s|m|h|d|w|y|mo|min|mins|hr|hrs)|↑|↓|▲|▼|👍|👎|[+-])"
)


def _c(
    kind: CueKind,
    pattern: str,
    *,
    footer: bool = False,
    max_words: int = 30,
    no_full_stop: bool = False,
) -> Cue:
    return Cue(kind, re.compile(pattern, _I), footer, max_words, no_full_stop)


# Order matters: the first cue that matches a line decides its kind.
CUES: tuple[Cue, ...] = (
    # Comment-widget credits close the comment section like a site footer.
    _c(
        "opener",
        r"facebook comments plugin|comments? (?:by|powered by) \w+|powered by disqus",
        footer=True,
    ),
    # --- the comment section announced ---
    _c(
        "comments_start",
        r"(?:(?:(?:\d+|no|one|two|three)\s+)?(?:comments?|replies)"
        r"|(?:\d+|no|one|two|three)\s+(?:responses?|reactions|thoughts))(?:\s*\(\d+\))?\s*[:.]?",
    ),
    _c(
        "comments_start",
        r"(?:conversation|discussion|comments|community)\s*[:|·-]?\s*\(?\d+\)?\s+(?:comments?|replies|messages)",
    ),
    # "12 thoughts on “<headline>”": a count first, and no sentence ("One comment on X came ...").
    _c(
        "comments_start",
        r"(?:\d+|one|two|three)\s+(?:comments?|replies|responses?|reactions|thoughts)\s+(?:on|to)\s+.{1,200}",
        max_words=40,
        no_full_stop=True,
    ),
    _c(
        "comments_start",
        r"(?:readers?'?|readers’|user|your|latest|top|all|show|view|load(?: more)?|hide|add(?: a| new| your)?|post(?: a| your)?|write(?: a)?|submit(?: a)?)\s+comments?\b.{0,30}",
    ),
    _c("comments_start", r"leave a (?:reply|comment|response)\b.{0,40}"),
    _c("comments_start", r"comments? (?:are|is) (?:closed|disabled|moderated)\b.{0,80}"),
    _c("comments_start", r"(?:join|start) the (?:discussion|conversation|debate)\b.{0,60}"),
    _c("comments_start", r"(?:discussion|comment policy|community guidelines)(?:\s*\(\d+\))?\s*:?"),
    _c(
        "comments_start",
        r"(?:be the first to comment|no comments yet|there are no comments)\b.{0,40}",
    ),
    _c(
        "comments_start",
        r"(?:you must be|please) (?:logged in|log in|sign in|register)\b.{0,40}(?:comment|reply)\b.{0,20}",
    ),
    _c("comments_start", r"(?:log|sign) ?in to (?:comment|reply|post)\b.{0,30}"),
    _c("comments_start", r"your email address will not be published\b.*"),
    _c("comments_start", r"required fields are marked\b.*"),
    _c("comments_start", r"save my name, email,? and website\b.*"),
    _c(
        "comments_start",
        r"(?:what do you think|have your say|share your (?:thoughts|views|opinion))\s*[?!.:]?",
    ),
    _c(
        "comments_start",
        r"(?:notify of|inline feedbacks|view all comments|sort by\b.{0,20}|newest(?: first)?|oldest(?: first)?|most (?:voted|liked)|best|top comments)",
    ),
    _c(
        "comments_start",
        r"(?:post comment|submit comment|cancel reply|comment\s*\*?|name\s*\*|e-?mail\s*\*|website)",
    ),
    # TypePad / Moon of Alabama article footer that carries the comment count.
    _c("comments_start", r"posted by .{1,60}\|\s*comments?\s*\(\d+\).*"),
    # --- lines only seen inside comments ---
    # "said:" is left out: news copy introduces quotes that way ("The ministry said:").
    _c("comment_meta", rf"{_NAME}\s+(?:says|wrote|writes|commented|replied)\s*:.*", max_words=200),
    _c("comment_meta", r"(?:posted|submitted) by\s*:.{1,120}"),
    # Forum threads: "Re: <topic>", "Quote from: user on <date>", "« Last Edit: ... »".
    _c("comment_meta", r"re:\s+.{1,200}", max_words=30, no_full_stop=True),
    _c(
        "comment_meta",
        r"quote(?: from)?\s*:?\s*.{1,60}?\s+on\s+.{4,60}|«?\s*last edit(?:ed)?\s*:.{0,100}»?",
        max_words=20,
    ),
    _c(
        "comment_meta",
        rf"(?:#?\d{{1,3}}[.):]?\s+)?(?:{_NAME}\s*(?:[|,·•—–-]|on)?\s*)?(?:on\s+)?{_DATE}(?:\s*(?:at|@|[,|—–-])\s*|\s+){_TIME}.{{0,40}}",
        max_words=16,
    ),
    _c("comment_meta", rf"(?:{_NAME}\s*[|,·•-]?\s*)?{_AGO}.{{0,30}}", max_words=10),
    # A row of comment buttons; it must hold one token no share bar has.
    _c(
        "comment_meta",
        rf"(?=.*(?:\brepl|\breport|\bflag|\bvote|\bpoints?\b|\bpermalink|[↑↓▲▼👍👎])|[+-]?\d{{1,5}}$){COMMENT_UI}(?:\s*[|·•,/]?\s*{COMMENT_UI})*",
    ),
    _c("comment_meta", r"(?:in )?reply to\s+\S.{0,40}"),
    _c("comment_meta", r"\d+\s+(?:repl(?:y|ies)|likes?|upvotes?|points?|votes?|recommendations?)"),
    _c(
        "comment_meta",
        r"(?:view|show|load|hide)\s+(?:\d+\s+)?(?:more\s+)?(?:repl(?:y|ies)|comments?).{0,20}",
    ),
    _c("comment_meta", rf"last edited\s+(?:{_AGO}|{_DATE}).{{0,40}}"),
    _c("comment_meta", r"(?:guest|anonymous|anon|level \d+|\[deleted\]|\[removed\])"),
    _c("comment_meta", r"@\w{2,}.*", max_words=6),
    # --- site footers (they also close a comment section) ---
    # Copyright is one line ("single"), not a block: "© Reuters" can be a photo credit mid-article.
    _c("single", r"(?:©|\(c\)|copyright\b).*", footer=True),
    _c("single", r".*\ball rights reserved\b.*", footer=True),
    _c(
        "opener",
        r"(?:privacy policy|privacy|terms of (?:use|service)|terms and conditions|cookie policy|cookies|contact(?: us)?|about us|imprint|impressum|sitemap|advertise(?: with us)?|careers|faq)(?:\s*[|·•,]\s*.{0,40})*",
        footer=True,
    ),
    _c(
        "opener",
        r"(?:proudly )?powered by\b.{0,60}|theme by\b.{0,60}|theme\s*:.{0,60}\bby\b.{0,60}|back to top|top of page|↑ back to top",
        footer=True,
    ),
    # --- publisher blocks ---
    _c(
        "opener",
        r"about (?:the )?(?:author|writer|authors|contributor|publication|editor)s?\s*:?",
        footer=True,
    ),
    # "About SouthFront" (capitalised name, case-sensitive), not "About 200 soldiers".
    _c(
        "opener",
        r"about\s+(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,4})\s*:?",
        footer=True,
        max_words=6,
    ),
    _c(
        "opener",
        r"(?:(?:related|recommended|popular|trending|latest|recent|similar)(?:\s+(?:posts?|articles?|stories|news|reads?|content|reading|coverage|videos?|links?|topics?|headlines|items|reports))?|(?:more|other|top)\s+(?:posts?|articles?|stories|news|reads?|content|reading|coverage|videos?|links?|topics?|headlines|items|reports))(?:\s+(?:from|on|in|about)\s+.{1,60})?\s*:?",
        footer=True,
        max_words=10,
    ),
    _c(
        "opener",
        r"(?:you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|read next|up next|more stories|more in\b|more on this (?:story|topic|subject)|most (?:read|popular|viewed|shared)|editor'?s picks?|don'?t miss|in case you missed it|further reading|continue reading)\b.{0,60}",
        footer=True,
        max_words=12,
    ),
    _c(
        "opener",
        r"(?:(?:tags?|topics?|keywords?|categories|category|labels?|subjects?|regions?|themes?|sections?|countries|country|found in|more about|related topics|in this (?:article|story))\s*[:\-–—]|(?:tagged(?: with)?|filed (?:under|in)|posted in)\s*:?)\s*.{1,300}",
        max_words=40,
        no_full_stop=True,
    ),
    _c("opener", r"(?:tags?|topics?|categories|keywords)\s*:?"),
    _c("opener", r"(?:disclaimer|disclosure|sources|references|notes|footnotes|endnotes)\s*:?"),
    _c(
        "opener",
        r"(?:previous|next|older|newer)\s+(?:post|article|story|entry|posts|entries)\b.{0,150}",
        footer=True,
        max_words=25,
    ),
    # "» " also bullets body lists: only arrows with previous/next are navigation.
    _c(
        "opener",
        r"(?:«|‹|←|<<|»|›|→|>>)\s*(?:previous|next|prev|older|newer)\b.{0,150}",
        max_words=25,
    ),
    _c("opener", r"(?:previous|next|prev)\s*(?:«|‹|←|»|›|→)?\s*:?"),
    # --- one line of end-of-article matter ---
    _c(
        "single",
        r"(?:disclaimer|disclosure|editor'?s note|editorial note|note|note from the editors?|publisher'?s note|translator'?s note|methodology|corrections?|clarification|about this (?:data|report|series|article))\s*:.*",
        max_words=400,
    ),
    _c(
        "single",
        # "The views expressed in this article ...", not "The views expressed by the minister ...".
        r"(?:the\s+|any\s+|all\s+)?(?:views|opinions|views and opinions|opinions and views|statements)\s+"
        r"(?:and opinions\s+)?(?:expressed|stated)\s+(?:(?:in|on|by|within|throughout)\s+(?:this|these|the "
        r"(?:author|contributor|writer|article|post|piece|video|podcast)s?|our|guest|contributors?|authors?"
        r"|columnists?)\b|herein|here|above|below|are (?:those|solely|the|entirely))\b.*",
        max_words=400,
    ),
    _c("single", r".{0,40}\bread full policy notice\b.*"),
    _c("single", r"all posts (?:on behalf of|by|from)\b.{0,60}"),
    _c(
        "single",
        r"this (?:article|story|post|piece|op-ed|commentary|column)\s+(?:was\s+|is\s+|has been\s+|had been\s+)?(?:originally\s+|first\s+)?(?:published|appeared|posted|written|produced|republished|reproduced|translated|edited|prepared|compiled|sourced)\b.*",
        max_words=60,
    ),
    # "The report was published on Tuesday and says ..." is news; "originally/first" is the repost note.
    _c(
        "single",
        r"(?:this|the) (?:article|story|post|piece|op-ed|report|analysis|interview|text|commentary|column)\s+(?:was\s+|is\s+|has been\s+|had been\s+)?(?:originally|first)\s+(?:published|appeared|posted|written|produced)\b.*",
        max_words=60,
    ),
    _c("single", r"(?:originally|first) (?:published|appeared|posted)\b.*", max_words=40),
    _c(
        "single",
        r"(?:republished|reprinted|reposted|cross-posted|crossposted|syndicated)\s+(?:from|with|by|courtesy)\b.*",
        max_words=40,
    ),
    _c("single", r"the post\s+.{1,250}\s+appeared first on\s+.{1,80}"),
    _c("single", r"the original source of this (?:article|story|post|report) is\b.*", max_words=25),
    _c(
        "single",
        r"(?:source|sources|via|h/t|hat tip|courtesy(?: of)?|credit|credits|originally at)\s*:\s*.{0,120}",
        max_words=16,
    ),
    # Wire credit lines; a capital after "by" keeps out "Reporting by the ministry shows ...".
    _c(
        "single",
        r"\(?(?:additional |editing and )?(?:reporting|writing|editing|compiled|edited|translated|translation)\s+(?:by|from)\s+(?-i:[A-Z]).{0,200}",
        max_words=40,
        no_full_stop=True,
    ),
    _c(
        "single",
        r".{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\)?\.?",
        max_words=30,
    ),
    _c("single", r"our standards\s*:.*|the thomson reuters trust principles\.?"),
    # SANA's editor slug ("H.Said/ Mazen") and bureau bylines ("The Cradle's news desk").
    _c(
        "single", r"(?-i:[A-Z]{1,3}\.\s?[A-Z]?[\w.]*(?:\s*/\s*[A-Z][\w. ]{1,30}){1,3})", max_words=6
    ),
    _c(
        "single",
        r".{1,40}?\s+(?:news desk|newsdesk|news team|editorial (?:team|staff|board|desk)|staff writers?|staff|web desk|online desk|newsroom)",
        max_words=7,
        no_full_stop=True,
    ),
    _c(
        "single",
        r"(?:this is a (?:developing|breaking)(?: news)? story|(?:please )?(?:refresh|check back) (?:for|later for) (?:updates|more)|this (?:story|article|post) (?:is being|will be|has been|was) updated)\b.*",
        max_words=30,
    ),
    _c("single", r"(?:url|link|permalink|short ?link|article link|source link)\s*:\s*\S+"),
    _c("single", r"(?:https?://|www\.)\S+", max_words=3),
    _c(
        "single",
        r"(?:contact(?: us)?|e-?mail(?: us)?|tel|telephone|phone|fax|address|write to us)\s*:\s*\S.{0,100}|[\w.+-]+@[\w-]+\.[\w.]+",
        footer=True,
        max_words=16,
    ),
    _c("single", r"(?:follow|contact) the (?:author|writer|reporter)\b.{0,80}"),
    # --- share / subscribe / donate / follow appeals ---
    _c(
        "share",
        rf"share(?: this| the| on| via)?(?: article| story| post| page| report)?\s*[:!]?(?:{_SEP}{SOCIAL})*\s*:?",
        max_words=15,
    ),
    _c("share", rf"{SOCIAL}(?:{_SEP}{SOCIAL})*\s*:?", max_words=15),
    _c(
        "share", r".{0,60}\bshare (?:this|the) (?:story|article|post|page|report)\b.*", max_words=15
    ),
    _c(
        "share",
        r"click (?:to|here to|the|on the|on)\s+(?:share|email|print|tweet|subscribe|donate|follow)\b.*",
        max_words=60,
    ),
    _c("share", r"(?:like this|like loading|loading)(?:\s*[:.…]+)?"),
    _c(
        "share",
        r"(?:please\s+)?(?:subscribe|sign up|sign-up|follow us|follow our|follow (?:the )?[\w-]+ on|join us|join our|get (?:our|the latest|the best|breaking|daily|free)|receive our|stay (?:up to date|updated|informed|tuned))\b.{0,200}",
        footer=True,
        max_words=35,
    ),
    _c(
        "share",
        r"(?:newsletters?|e-?mail newsletter|sign up|subscribe|follow us|connect with us|social media|get in touch)\s*:?",
        footer=True,
    ),
    _c(
        "share",
        r"(?:please\s+)?(?:support|donate to|fund)\s+(?:us|our|independent|this (?:site|website|blog|project|work)|the project|[\w-]+ journalism|reader[- ]funded|reader[- ]supported)\b.*",
        max_words=40,
    ),
    _c(
        "share",
        r"(?:make a donation|donate(?: now| today)?|become a (?:patron|member|supporter|subscriber)|buy me a coffee|chip in|support us|subscribe(?: now| today)?|sign up|subscribe for free)\b.{0,100}",
        max_words=25,
    ),
    _c(
        "share",
        r".{0,200}\b(?:patreon|paypal|buymeacoffee|ko-fi|substack\.com|bitcoin address|btc address|subscribestar)\b.*",
        max_words=50,
    ),
    _c(
        "share",
        r".{0,200}\b(?:support independent (?:journalism|media|reporting|news)|support (?:us|our (?:work|journalism|reporting|mission|newsroom))|become an? (?:member|patron|subscriber|supporter|donor)|consider (?:supporting|donating|subscribing|becoming)|donate (?:now|today|here)|make a (?:one-off |monthly |small )?donation|buy (?:us|me) a coffee)\b.*",
        max_words=50,
    ),
    _c(
        "share",
        r"if you (?:like|liked|enjoy|enjoyed|value|appreciate|find)\b.{0,80}\b(?:our|this)\b.{0,80}\b(?:support|donat|subscribe|share)\w*.*",
        max_words=60,
    ),
    _c(
        "share",
        r"(?:print|print friendly|print this (?:article|page|story)|save|bookmark|font size|text size|a\+?\s*a-?)",
    ),
    # --- inline publisher matter inside the body ---
    _c(
        "inline",
        r"(?:featured|main|top|header|cover|lead|banner) (?:image|photo|picture)s?\b.{0,150}|(?:image|photo)s? (?:is |are )?(?:from|via|courtesy of)\b.{0,100}",
        max_words=25,
    ),
    _c("inline", r".{1,40}(?:'s|’s)\s+(?:photo|picture|avatar|image|profile picture)", max_words=6),
    _c(
        "inline",
        r"(?:advertisement|advertising|ad|sponsored(?: content)?|promoted|paid content|story continues below(?: advertisement)?|scroll to continue(?: with content)?|continue reading below|article continues (?:below|after (?:the )?advertisement))",
    ),
    _c(
        "inline", r"(?:read|see|watch|listen)\s+(?:more|also|next|the full story)\b.*", max_words=30
    ),
    # Section labels between links ("Explainer: ...", "Ukraine war latest").
    _c(
        "inline",
        r"(?:explainer|analysis|opinion|factbox|fact box|timeline|q&a|in pictures|in depth|podcast|newsletter|interactive)\s*:\s*.{0,150}",
        max_words=20,
    ),
    _c(
        "inline",
        r"(?:[\w'’-]+\s+){0,4}(?:latest|live updates|live blog|live coverage)",
        max_words=6,
    ),
    _c(
        "inline",
        r"(?:also read|must read|related|recommended|more on this|more on this story|watch|video|listen)\s*[:|\-–—]\s*.{0,200}",
        max_words=30,
    ),
    _c(
        "inline",
        r"(?:photo|photos|image|images|picture|pictures|photograph|video|footage|file photo|featured image|main image|top image|illustration|graphic|map|infographic|screenshot|screengrab)(?:\s+credit)?\s*(?::|©|by\b|credit\b|courtesy\b).{0,200}",
        max_words=40,
    ),
    _c(
        "inline",
        r"\(?(?:photo|image|picture|credit)?\s*:?\s*(?:[\w.'’ -]{1,40}/)?(?:afp|ap|reuters|getty images|anadolu(?: agency)?|epa(?:-efe)?|sana|tass|ria novosti|sputnik|xinhua|via getty images|shutterstock|wikimedia commons|telegram|twitter|x)\s*\)?\.?",
        max_words=8,
    ),
    _c(
        "inline",
        r"(?:click here|tap here|skip to (?:content|main content)|jump to)\b.*",
        max_words=20,
    ),
    # --- article metadata near the top ---
    _c("meta", rf".{{1,40}},\s*{_DATE}", max_words=9, no_full_stop=True),
    # Bylines: capitalised names (case-sensitive), so "By the end of May ..." is prose.
    _c(
        "meta",
        r"by\s+(?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|al-\w+|de|van|bin|ibn))*)(?:\s*(?:,|\||-|–|—|and|for)\s*.{0,60})?",
        max_words=14,
        no_full_stop=True,
    ),
    _c(
        "meta",
        rf"(?:written|posted|published|updated|last updated|first published|submitted|modified)\b"
        # "UPDATED Regime air raids kill 42" is a headline: metadata carries a date, time or name.
        rf"(?=.*(?:\d{{1,2}}[:.]\d{{2}}|\d{{4}}|\b{_MONTH}\b|\bago\b|\bby\b|today|yesterday))"
        r"(?:\s+(?:on|at|by))?\s*:?\s*.{0,90}",
        max_words=16,
        no_full_stop=True,
    ),
    _c(
        "meta",
        rf"(?:\w+day,?\s+)?{_DATE}(?:\s*(?:at|@|[,|-])?\s*{_TIME})?(?:\s*[|·•\[(-]\s*.{{0,90}})?",
        max_words=24,
        no_full_stop=True,
    ),
    _c("meta", rf"{_TIME}\s*[,|·-]?\s*{_DATE}", max_words=8),
    _c(
        "meta",
        r"\d+\s*(?:-|\s)?(?:min|mins|minute|minutes)\s+(?:read|reading|listen)|(?:estimated )?reading time\s*:.*|listen to (?:this )?(?:article|story)\b.*|audio\b.{0,20}\d+:\d{2}",
    ),
    _c("meta", r"(?:home|news|world|main)\s*(?:»|›|>|/|\|)\s*.{0,120}", max_words=16),
    _c("meta", r"(?:\w[\w'’ -]{0,30}\s*[»›]\s*){1,6}\w[\w'’ -]{0,60}", max_words=16),
    _c("meta", r"(?:views|reads|hits)\s*:?\s*[\d,.]+|[\d,.]+\s+(?:views|reads)"),
)

_FULL_STOP = re.compile(r"[.!?…]['\"”’)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[a-z0-9)\"”’]{2}[.!?]['\"”’]?\s+['\"“‘(]?[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_SELF_REFERENCE = re.compile(
    r"\b(?:we|our|ours|us|this (?:site|website|blog|page|publication|project|portal|material))\b"
    r"|\bwithout (?:the )?(?:prior )?(?:written )?(?:permission|consent)\b|\b(?:reproduc|redistribut|republish)\w*"
    r"|\b(?:is|was) an? (?:[\w-]+ ){0,4}(?:journalist|writer|reporter|analyst|researcher|author"
    r"|editor|correspondent|contributor|fellow|professor|commentator|columnist|blogger"
    r"|organi[sz]ation|outlet|platform|project|website|agency|publication|newspaper)\b",
    _I,
)
# A line of links: short items separated by pipes or bullets ("Home | About | Contact").
_NAV_ROW = re.compile(r"^(?:[^|•·]{1,30}[|•·]){2,}[^|•·]{0,30}$")


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def match_cue(line: str) -> Cue | None:
    """The first cue whose pattern covers the whole stripped line, or None."""
    s = line.strip()
    if not s:
        return None
    n_words = len(words(s))
    for cue in CUES:
        if n_words > cue.max_words or (cue.no_full_stop and ends_sentence(s)):
            continue
        if cue.pattern.fullmatch(s):
            return cue
    if n_words <= 16 and _NAV_ROW.match(s):
        return NAV_CUE
    return None


NAV_CUE = Cue("opener", re.compile(r"$^"), footer=True)


def ends_sentence(line: str) -> bool:
    return bool(_FULL_STOP.search(line.strip()))


def is_prose(line: str) -> bool:
    """A line that reads like running text: several words and sentence punctuation."""
    s = line.strip()
    n = len(words(s))
    return n >= 8 and (ends_sentence(s) or bool(_SENTENCE_INSIDE.search(s)))


def is_news_prose(line: str) -> bool:
    """Running text that is not the publisher talking about itself or its author."""
    s = line.strip()
    return len(words(s)) >= 15 and is_prose(s) and not _SELF_REFERENCE.search(s)


def has_inner_sentence_break(line: str) -> bool:
    return bool(_SENTENCE_INSIDE.search(line.strip()))
