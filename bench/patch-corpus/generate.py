#!/usr/bin/env python3
"""Writes the patch corpus: realistic model answers with the expected result of applying each one.

Each case is a folder under cases/ with:
  case.properties   category, expect (applied|rejected), format, diffable, description
  before/           the repository files the answer is applied to
  answer.txt        the raw model answer (prose, fences, SEARCH/REPLACE blocks, diffs or whole files)
  answer.diff       (diffable cases) the same edit as a unified diff, for comparison with git apply / patch
  expected.txt      one "<status> <path>" line per result (status applied|created|deleted|failed)
  after/            (applied cases) every file as it must be afterwards

Expected results are computed from the *ideal* edit (text quoted exactly from the file), never by running
the engine; the answer is the ideal edit degraded the way models degrade it (indentation drift, CRLF,
elisions, stale context, wrong line numbers ...). Run: python3 generate.py (rewrites cases/).
"""
import difflib
import os
import shutil

from sources import EDITS, ELIDABLE, FILES

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
LANG = {"java": "java", "python": "python", "go": "go", "ts": "typescript", "csharp": "csharp",
        "yaml": "yaml", "markdown": "markdown"}
cases = []


def lines(text):
    return text.splitlines()


def join(ls):
    return "".join(l + "\n" for l in ls)


def sr_block(path, search, replace, lang="", path_style="plain"):
    body = "<<<<<<< SEARCH\n" + search + "=======\n" + replace + ">>>>>>> REPLACE\n"
    if path_style == "plain":
        return f"{path}\n```{lang}\n{body}```\n"
    if path_style == "bold":
        return f"**{path}**\n```{lang}\n{body}```\n"
    if path_style == "label":
        return f"File: `{path}`\n```{lang}\n{body}```\n"
    if path_style == "inside":
        return f"```{lang}\n{path}\n{body}```\n"
    if path_style == "nofence":
        return f"{path}\n{body}"
    raise ValueError(path_style)


def prose(blocks, intro="I'll make the change in place."):
    return intro + "\n\n" + "\n".join(blocks) + "\nThis keeps the rest of the file unchanged.\n"


def hunk(search, replace, start, wrong=0, numbers=True, blank_context_space=True):
    s, r = lines(search), lines(replace)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, s, r, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [(" " + l) if (l or blank_context_space) else "" for l in s[i1:i2]]
        else:
            out += ["-" + l for l in s[i1:i2]]
            out += ["+" + l for l in r[j1:j2]]
    header = f"@@ -{start + wrong},{len(s)} +{start + wrong},{len(r)} @@" if numbers else "@@ @@"
    return header + "\n" + join(out)


def diff_file(path, hunks):
    return f"--- a/{path}\n+++ b/{path}\n" + "".join(hunks)


def line_of(content, search):
    idx = content.index(search)
    return content[:idx].count("\n") + 1


def add(name, category, before, answer, after=None, expected=None, diff=None, fmt="auto", description=""):
    cases.append(dict(name=name, category=category, before=before, answer=answer, after=after,
                      expected=expected, diff=diff, fmt=fmt, description=description))


def applied(path, before_files, search, replace):
    content = before_files[path]
    assert content.count(search) == 1, (path, search)
    after = dict(before_files)
    after[path] = content.replace(search, replace, 1)
    return after


def reindent(text, fn):
    return join([fn(l) if l.strip() else "" for l in lines(text)])


def common_indent(text):
    ws = [len(l) - len(l.lstrip()) for l in lines(text) if l.strip()]
    return min(ws) if ws else 0


def dedent(text):
    n = common_indent(text)
    return join([l[n:] if l.strip() else "" for l in lines(text)])


def halve(text):
    def f(l):
        lead = l[:len(l) - len(l.lstrip())].replace("\t", "    ")
        return " " * (len(lead) // 2) + l.lstrip()
    return reindent(text, f)


def tabs_to_spaces(text):
    return join([l.replace("\t", "    ") for l in lines(text)])


def trailing(text):
    return join([l + ("   " if i % 2 == 0 and l.strip() else "") for i, l in enumerate(lines(text))])


def crlf(files):
    return {p: c.replace("\n", "\r\n") for p, c in files.items()}


def keep_lines(search, replace):
    s, r = lines(search), lines(replace)
    keep, removed = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, s, r, autojunk=False).get_opcodes():
        (keep if tag == "equal" else removed).extend(range(i1, i2))
    return keep, removed


def comment(key):
    return FILES[key][2] or ""


# ---------------------------------------------------------------- applicable cases per ideal edit
for key, name, search, replace in EDITS:
    path, content, _ = FILES[key]
    lang = LANG[key]
    base = {path: content}
    start = line_of(content, search)
    after = applied(path, base, search, replace)
    exp = [("applied", path)]

    def case(cat, s, r, before=base, aft=after, desc="", style="plain", diffable=True, wrong=0):
        d = diff_file(path, [hunk(s, r, start, wrong)]) if diffable else None
        add(f"{cat}-{key}-{name}", cat, before, prose([sr_block(path, s, r, lang, style)]), aft, exp, d,
            description=desc)

    case("exact", search, replace, desc="clean SEARCH/REPLACE block inside a fence with prose around it")
    if common_indent(search) > 0:
        case("whitespace-drift", dedent(search), dedent(replace),
             desc="model dropped the common indentation of the block")
        case("reindent", halve(search), halve(replace) if "\t" not in content else halve(replace),
             desc="model used half the file's indent unit (2 vs 4 spaces, or 2 spaces for tabs)")
    case("trailing-whitespace", trailing(search), trailing(replace), desc="model added trailing blanks")
    if "\t" in search:
        case("tabs", tabs_to_spaces(search), tabs_to_spaces(replace), desc="file uses tabs, model used spaces")
    cr_before, cr_after = crlf(base), crlf(after)
    add(f"crlf-{key}-{name}", "crlf", cr_before, prose([sr_block(path, search, replace, lang)]), cr_after, exp,
        diff_file(path, [hunk(search, replace, start)]), description="CRLF file, LF answer; CRLF kept")
    keep, removed = keep_lines(search, replace)
    s_lines = lines(search)
    nonblank = [i for i, l in enumerate(s_lines) if l.strip()]
    middle_keep = [i for i in keep if 0 < i < len(s_lines) - 1 and s_lines[i].strip()]
    if len(nonblank) >= 4 and middle_keep:
        i = middle_keep[0]
        marker = " " + comment(key) + " reviewed" if comment(key) else " (reviewed)"
        stale_search = join([l + marker if j == i else l for j, l in enumerate(s_lines)])
        stale_replace = replace.replace(s_lines[i] + "\n", s_lines[i] + marker + "\n", 1)
        stale_before = {path: content.replace(search, stale_search, 1)}
        stale_after = applied(path, stale_before, stale_search, stale_replace)
        add(f"stale-context-{key}-{name}", "stale-context", stale_before,
            prose([sr_block(path, search, replace, lang)]), stale_after, exp,
            diff_file(path, [hunk(search, replace, start)]),
            description="a context line changed after the model read the file; the file's version is kept")
    if removed:
        i = removed[0]
        if s_lines[i].strip():
            marker = " " + comment(key) + " changed" if comment(key) else " (changed)"
            stale_search = join([l + marker if j == i else l for j, l in enumerate(s_lines)])
            stale_before = {path: content.replace(search, stale_search, 1)}
            add(f"reject-stale-removed-{key}-{name}", "stale-removed-line", stale_before,
                prose([sr_block(path, search, replace, lang)]), None, [("failed", path)],
                diff_file(path, [hunk(search, replace, start)]),
                description="a line the block changes differs in the file: applying would lose that change")
    add(f"wrong-line-numbers-{key}-{name}", "wrong-line-numbers", base,
        "```diff\n" + diff_file(path, [hunk(search, replace, start, wrong=7)]) + "```\n", after, exp,
        diff_file(path, [hunk(search, replace, start, wrong=7)]),
        description="unified diff whose hunk header is off by 7 lines")
    add(f"whole-file-{key}-{name}", "whole-file", base,
        f"Here is the complete updated file.\n\n{path}\n```{lang}\n{after[path]}```\n", after, exp,
        description="whole-file answer: path line then a fenced block")

# ---------------------------------------------------------------- elisions
for key, name, search, replace in ELIDABLE:
    path, content, _ = FILES[key]
    lang = LANG[key]
    base = {path: content}
    after = applied(path, base, search, replace)
    s, r = lines(search), lines(replace)
    ops = difflib.SequenceMatcher(None, s, r, autojunk=False).get_opcodes()
    eq = max((o for o in ops if o[0] == "equal" and o[2] - o[1] >= 4), key=lambda o: o[2] - o[1])
    _, i1, i2, j1, j2 = eq
    keep_from, keep_to = i1 + 1, i2 - 1
    ind = s[keep_from][:len(s[keep_from]) - len(s[keep_from].lstrip())]
    el = ind + (comment(key) + " ... existing code ..." if comment(key) else "...")
    es = join(s[:keep_from] + [el] + s[keep_to:])
    er = join(r[:j1 + 1] + [el] + r[j2 - 1:])
    add(f"elided-{key}-{name}", "elided", base, prose([sr_block(path, es, er, lang)]), after,
        [("applied", path)], description="unchanged middle elided with a '... existing code ...' line")
    es2 = join(s[:keep_from] + [ind + "..."] + s[keep_to:])
    er2 = join(r[:j1 + 1] + [ind + "..."] + r[j2 - 1:])
    add(f"elided-plain-{key}-{name}", "elided", base, prose([sr_block(path, dedent(es2), dedent(er2), lang)]),
        after, [("applied", path)], description="bare '...' elision and dropped indentation together")

# ---------------------------------------------------------------- several blocks, several files
by_key = {}
for e in EDITS:
    by_key.setdefault(e[0], []).append(e)
for key, es in by_key.items():
    if len(es) < 2:
        continue
    path, content, _ = FILES[key]
    base = {path: content}
    after = dict(base)
    blocks, hunks = [], []
    for _, _, s, r in es[:2]:
        assert after[path].count(s) == 1
        after[path] = after[path].replace(s, r, 1)
    ordered = sorted(es[:2], key=lambda e: content.index(e[2]))
    offset = 0
    for _, _, s, r in ordered:
        hunks.append(hunk(s, r, line_of(content, s) + offset))
        offset += len(lines(r)) - len(lines(s))
    blocks = [sr_block(path, dedent(s) if i else s, dedent(r) if i else r, LANG[key]) for i, (_, _, s, r) in enumerate(es[:2])]
    add(f"multi-block-{key}", "multi-block", base, prose(blocks), after, [("applied", path)],
        diff_file(path, hunks), description="two blocks for one file, the second with drifted indentation")

for a, b in [("java", "python"), ("go", "ts")]:
    ea, eb = by_key[a][0], by_key[b][0]
    pa, ca, _ = FILES[a]
    pb, cb, _ = FILES[b]
    base = {pa: ca, pb: cb}
    after = {pa: ca.replace(ea[2], ea[3], 1), pb: cb.replace(eb[2], eb[3], 1)}
    add(f"multi-file-{a}-{b}", "multi-file", base,
        prose([sr_block(pa, ea[2], ea[3], LANG[a]), sr_block(pb, eb[2], eb[3], LANG[b])]), after,
        [("applied", pa), ("applied", pb)],
        diff_file(pa, [hunk(ea[2], ea[3], line_of(ca, ea[2]))]) + diff_file(pb, [hunk(eb[2], eb[3], line_of(cb, eb[2]))]),
        description="edits in two files in one answer")

# ---------------------------------------------------------------- path spellings and fences
ek, en, es_, er_ = EDITS[0]
pj, cj, _ = FILES[ek]
for style in ["bold", "label", "inside", "nofence"]:
    add(f"path-style-{style}", "path-style", {pj: cj}, prose([sr_block(pj, es_, er_, "java", style)]),
        applied(pj, {pj: cj}, es_, er_), [("applied", pj)], description=f"path written {style}")

# ---------------------------------------------------------------- new and deleted files
NEW = [
    ("src/test/java/com/example/auth/LoginHandlerTest.java", "java",
     "package com.example.auth;\n\nclass LoginHandlerTest {\n}\n"),
    ("app/validation.py", "python", "def require(value, name):\n    if not value:\n        raise ValueError(name + \" is required\")\n    return value\n"),
    ("docs/validation.md", "markdown", "# Validation\n\nEvery handler checks its input first.\n"),
]
for npath, lang, ncontent in NEW:
    base = {pj: cj}
    after = {pj: cj, npath: ncontent}
    add(f"new-file-{lang}", "new-file", base,
        prose([sr_block(npath, "", ncontent, lang)], "Create a new file:"), after, [("created", npath)],
        f"--- /dev/null\n+++ b/{npath}\n@@ -0,0 +1,{len(lines(ncontent))} @@\n" + join(["+" + l for l in lines(ncontent)]),
        description="empty SEARCH creates a file")
pp, cp_, _ = FILES["python"]
add("delete-file-search-replace", "delete-file", {pj: cj, pp: cp_},
    prose([sr_block(pp, cp_, "", "python")], "Remove the module entirely:"), {pj: cj}, [("deleted", pp)],
    f"--- a/{pp}\n+++ /dev/null\n@@ -1,{len(lines(cp_))} +0,0 @@\n" + join(["-" + l for l in lines(cp_)]),
    description="SEARCH is the whole file, REPLACE empty: delete")
for key in ["go", "markdown"]:
    p, c, _ = FILES[key]
    d = f"--- a/{p}\n+++ /dev/null\n@@ -1,{len(lines(c))} +0,0 @@\n" + join(["-" + l for l in lines(c)])
    add(f"delete-file-diff-{key}", "delete-file", {p: c, pj: cj}, "```diff\n" + d + "```\n", {pj: cj},
        [("deleted", p)], d, description="unified diff to /dev/null deletes")
    dn = diff_file(p, [hunk(EDITS[0][2], EDITS[0][3], 1)]).replace(f"--- a/{p}\n+++ b/{p}\n", "")

# ---------------------------------------------------------------- diff dialects
for key, name, search, replace in [EDITS[3], EDITS[5], EDITS[8]]:
    path, content, _ = FILES[key]
    base = {path: content}
    after = applied(path, base, search, replace)
    d = diff_file(path, [hunk(search, replace, 1, numbers=False)])
    add(f"diff-no-numbers-{key}-{name}", "diff-no-line-numbers", base, "```diff\n" + d + "```\n", after,
        [("applied", path)], d, description="hunk header without line numbers (@@ @@)")
key, name, search, replace = EDITS[5]
path, content, _ = FILES[key]
s2 = "\n\n" + search
assert content.count(s2) == 1
r2 = "\n\n" + replace
d = diff_file(path, [hunk(s2, r2, line_of(content, s2), blank_context_space=False)])
add("diff-blank-context-python", "diff-blank-context", {path: content}, "```diff\n" + d + "```\n",
    applied(path, {path: content}, s2, r2), [("applied", path)], d,
    description="blank context lines written without their leading space")

# blank-line drift: the model drops one of two blank lines
s = 'TAX_RATE = Decimal("0.20")\n\n\ndef order_total(items):\n'
r = 'TAX_RATE = Decimal("0.20")\nMAX_ITEMS = 100\n\n\ndef order_total(items):\n'
base = {pp: cp_}
add("blank-line-drift-python", "blank-line-drift", base,
    prose([sr_block(pp, 'TAX_RATE = Decimal("0.20")\n\ndef order_total(items):\n',
                    'TAX_RATE = Decimal("0.20")\nMAX_ITEMS = 100\n\ndef order_total(items):\n', "python")]),
    applied(pp, base, s, r), [("applied", pp)],
    diff_file(pp, [hunk('TAX_RATE = Decimal("0.20")\n\ndef order_total(items):\n',
                        'TAX_RATE = Decimal("0.20")\nMAX_ITEMS = 100\n\ndef order_total(items):\n', 7)]),
    description="model collapsed two blank lines into one")
s = "        }\n        audit(\"login\", user.id());\n"
r = "        }\n        audit(\"login\", user.id());\n        audit(\"login-source\", form.getOrDefault(\"source\", \"web\"));\n"
add("blank-line-drift-java", "blank-line-drift", {pj: cj},
    prose([sr_block(pj, "        }\n\n        audit(\"login\", user.id());\n",
                    "        }\n\n        audit(\"login\", user.id());\n        audit(\"login-source\", form.getOrDefault(\"source\", \"web\"));\n", "java")]),
    applied(pj, {pj: cj}, s, r), [("applied", pj)], None,
    description="model added a blank line that the file does not have")

# ---------------------------------------------------------------- rejections
AMBIGUOUS = [
    ("java", "            return Response.unauthorized();\n", "            return Response.unauthorized(\"bad credentials\");\n"),
    ("go", "\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n", "\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.hits++\n"),
    ("ts", "    return (await response.json()) as T;\n", "    return (await response.json()) as T; // parsed\n"),
    ("python", "        return order\n", "        log.debug(\"done\")\n        return order\n"),
]
for key, s, r in AMBIGUOUS:
    p, c, _ = FILES[key]
    add(f"reject-ambiguous-{key}", "ambiguous", {p: c}, prose([sr_block(p, s, r, LANG[key])]), None,
        [("failed", p)], description="SEARCH matches more than one place")

add("reject-malformed-no-divider", "malformed", {pj: cj},
    prose([f"{pj}\n```java\n<<<<<<< SEARCH\n{es_}{er_}>>>>>>> REPLACE\n```\n"]), None, [("failed", pj)],
    description="block without =======")
add("reject-malformed-no-replace-marker", "malformed", {pj: cj},
    prose([f"{pj}\n```java\n<<<<<<< SEARCH\n{es_}=======\n{er_}```\n"]), None, [("failed", pj)],
    description="block without >>>>>>> REPLACE")
add("reject-malformed-no-path", "malformed", {pj: cj},
    "Change the handler like this:\n\n```java\n<<<<<<< SEARCH\n" + es_ + "=======\n" + er_ + ">>>>>>> REPLACE\n```\n",
    None, [("failed", "-")], description="block with no file path before it")
add("reject-malformed-diff-no-hunks", "malformed", {pj: cj},
    f"```diff\n--- a/{pj}\n+++ b/{pj}\nthe handler now validates input\n```\n", None, [("failed", pj)],
    description="diff header without hunks")
add("reject-malformed-prose-only", "malformed", {pj: cj},
    "I would add validation to the login handler by checking that username and password are present.\n",
    None, [("failed", "-")], description="no edit at all, only prose")

ATTACKS = [
    ("../outside.txt", True), ("/etc/passwd", True), (".git/hooks/pre-commit", True),
    ("src/../../escape.txt", True), (".github/workflows/deploy.yml", False), ("azure-pipelines.yml", False),
    ("build/azure-pipelines-release.yaml", False), (".azuredevops/pull_request_template.md", False),
    ("C:/Windows/win.ini", False), ("src\\..\\..\\escape.txt", False), ("src/.GIT/config", False),
]
for i, (apath, diffable) in enumerate(ATTACKS):
    content = "echo pwned\n"
    d = f"--- /dev/null\n+++ b/{apath}\n@@ -0,0 +1,1 @@\n+echo pwned\n" if diffable else None
    add(f"reject-path-attack-{i + 1:02d}", "path-attack", {pj: cj},
        prose([sr_block(apath, "", content, "")], "Add this file:"), None, [("failed", apath)], d,
        description=f"write to {apath}")
add("reject-path-attack-edit-workflow", "path-attack",
    {pj: cj, ".github/workflows/ci.yml": "on: push\njobs: {}\n"},
    prose([sr_block(".github/workflows/ci.yml", "on: push\n", "on: [push, pull_request]\n", "yaml")]),
    None, [("failed", ".github/workflows/ci.yml")], None, description="edit an existing CI workflow")

add("reject-hallucinated-java", "no-match", {pj: cj},
    prose([sr_block(pj, "    public Response login(Request request) {\n        return service.login(request);\n    }\n",
                    "    public Response login(Request request) {\n        validate(request);\n        return service.login(request);\n    }\n", "java")]),
    None, [("failed", pj)],
    diff_file(pj, [hunk("    public Response login(Request request) {\n        return service.login(request);\n    }\n",
                        "    public Response login(Request request) {\n        validate(request);\n        return service.login(request);\n    }\n", 20)]),
    description="SEARCH quotes code that is not in the file")
add("reject-missing-file", "no-match", {pj: cj},
    prose([sr_block("src/main/java/com/example/auth/Missing.java", "class Missing {\n", "final class Missing {\n", "java")]),
    None, [("failed", "src/main/java/com/example/auth/Missing.java")],
    diff_file("src/main/java/com/example/auth/Missing.java", [hunk("class Missing {\n", "final class Missing {\n", 1)]),
    description="edit of a file that does not exist")
add("reject-conflict-markers", "conflict-markers", {pj: cj},
    prose([sr_block(pj, es_, "<<<<<<< HEAD\n" + er_ + ">>>>>>> theirs\n", "java")]), None, [("failed", pj)],
    description="replacement would leave conflict markers")
add("reject-create-existing", "create-existing", {pj: cj},
    prose([sr_block(pj, "", "class Replaced {}\n", "java")]), None, [("failed", pj)],
    f"--- /dev/null\n+++ b/{pj}\n@@ -0,0 +1,1 @@\n+class Replaced {{}}\n",
    description="empty SEARCH for a file that already exists")
add("reject-replace-elides", "elision-in-replace", {pj: cj},
    prose([sr_block(pj, es_, "        // ... validation added here ...\n        User user = users.findByName(username);\n", "java")]),
    None, [("failed", pj)], description="REPLACE leaves out code that SEARCH quotes")
add("reject-binary", "binary", {pj: cj, "assets/logo.txt": "GIF89a\u0000\u0001binary\n"},
    prose([sr_block("assets/logo.txt", "GIF89a\u0000\u0001binary\n", "GIF89a\n", "")]), None,
    [("failed", "assets/logo.txt")], description="edit of a binary (NUL-containing) file")


def write(folder, files):
    for p, c in files.items():
        target = os.path.join(folder, p)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as f:
            f.write(c)


if os.path.isdir(ROOT):
    shutil.rmtree(ROOT)
names = set()
for n, c in enumerate(cases, 1):
    folder = os.path.join(ROOT, f"{n:03d}-{c['name']}")
    assert c["name"] not in names, c["name"]
    names.add(c["name"])
    os.makedirs(folder)
    expect = "rejected" if c["after"] is None else "applied"
    with open(os.path.join(folder, "case.properties"), "w", encoding="utf-8") as f:
        f.write(f"category={c['category']}\nexpect={expect}\nformat={c['fmt']}\n"
                f"diffable={'true' if c['diff'] else 'false'}\ndescription={c['description']}\n")
    write(os.path.join(folder, "before"), c["before"])
    if c["after"] is not None:
        write(os.path.join(folder, "after"), c["after"])
    with open(os.path.join(folder, "answer.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(c["answer"])
    if c["diff"]:
        with open(os.path.join(folder, "answer.diff"), "w", encoding="utf-8", newline="") as f:
            f.write(c["diff"])
    with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8") as f:
        for status, p in c["expected"]:
            f.write(f"{status} {p}\n")
print(f"{len(cases)} cases written to {ROOT}")
