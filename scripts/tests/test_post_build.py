"""Tests of the post-build scripts that rewrite the built app (scripts/post-build.sh), on small files made
here in the shape Trunk and wasm-bindgen write. Run by scripts/test.sh: python3 -m unittest discover -s scripts/tests
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

SCRIPTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS))

from wasm_sections import IMPORT, encode_name, imports, sections, uleb128  # noqa: E402


def section(section_id, body):
    return bytes([section_id]) + uleb128(len(body)) + body


def wasm_importing(module_name, fields):
    """A module with one function type and an imported function of that type for each of `fields`."""
    types = section(1, uleb128(1) + b"\x60\x00\x00")
    each = (encode_name(module_name) + encode_name(field) + b"\x00" + uleb128(0) for field in fields)
    body = uleb128(len(fields)) + b"".join(each)
    return b"\x00asm\x01\x00\x00\x00" + types + section(IMPORT, body)


def import_fields(wasm):
    return [field for _, field, _ in imports(dict(sections(wasm))[IMPORT])]


def run(script, *args):
    return subprocess.run([sys.executable, str(SCRIPTS / script), *args], capture_output=True, text=True)


class ShortenWasmNames(unittest.TestCase):
    def shorten(self, stem):
        fields = ["__wbg_setAttribute_f75317b2b5cabfb4", "__wbg_log_0123456789abcdef"]
        with tempfile.TemporaryDirectory() as d:
            d = pathlib.Path(d)
            (d / f"{stem}_bg.wasm").write_bytes(wasm_importing("./yoursay-app_bg.js", fields))
            (d / f"{stem}.js").write_text(
                'function g(){return{"./yoursay-app_bg.js":{__wbg_setAttribute_f75317b2b5cabfb4:a,'
                "__wbg_log_0123456789abcdef:b}}}"
            )
            done = run("shorten-wasm-names.py", str(d))
            self.assertEqual(done.returncode, 0, done.stderr)
            glue = (d / f"{stem}.js").read_text()
            return import_fields((d / f"{stem}_bg.wasm").read_bytes()), glue

    def test_imports_get_short_names_in_the_wasm_and_the_glue(self):
        fields, glue = self.shorten("yoursay-app-4d84278c31b56128")
        self.assertEqual(fields, ["a", "b"])
        self.assertEqual(glue, 'function g(){return{"./yoursay-app_bg.js":{a:a,b:b}}}')

    def test_a_trunk_hash_with_a_leading_zero_is_fifteen_digits_and_still_understood(self):
        # Trunk writes its hash without leading zeros: one build in sixteen has a 15-digit one.
        fields, glue = self.shorten("yoursay-app-76a41812bf7518e")
        self.assertEqual(fields, ["a", "b"])
        self.assertIn("{a:a,b:b}", glue)


TRUNK_PAGE = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>Your Say</title>"
    "<script>document.documentElement.lang='en'</script>"
    "<script type=module>import init, * as bindings from '/yoursay-app-0abc1.js';\n"
    "const wasm = await init({ module_or_path: '/yoursay-app-0abc1_bg.wasm' });\n\n\n"
    "window.wasmBindings = bindings;\n\n\n"
    'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));</script>'
    "<link data-integrity=none href=/main-9f8e7d6.css rel=stylesheet>"
    "<link crossorigin href=/yoursay-app-0abc1.js rel=modulepreload>"
    "<link as=fetch crossorigin href=/yoursay-app-0abc1_bg.wasm rel=preload type=application/wasm>"
    "</head><body><main></main></body></html>"
)


class InlineFirstLoad(unittest.TestCase):
    GLUE = "let k=async function(e){return e};function W(){}export{W as initSync,k as default};\n"
    # Keys in an order that differs from their bytes' only where it matters: "a.b" < "a_b" < "ab".
    WORDS = {
        "en": {"ab": "Send", "a_b": "Don't know", "a.b": "Have your say"},
        "cy": {"a.b": "Dyweda dy farn", "ab": "Anfon", "a_b": "Ddim yn gwybod"},
    }

    def inline(self, page=TRUNK_PAGE, glue=GLUE, words=WORDS):
        d = pathlib.Path(self.enterContext(tempfile.TemporaryDirectory()))
        dist, i18n = d / "dist", d / "i18n"
        dist.mkdir()
        (dist / "index.html").write_text(page)
        (dist / "main-9f8e7d6.css").write_text("body{margin:0}\n")
        (dist / "yoursay-app-0abc1.js").write_text(glue)
        (dist / "yoursay-app-0abc1_bg.wasm").write_bytes(b"\x00asm")
        for lang, table in words.items():
            (i18n / lang).mkdir(parents=True)
            (i18n / lang / "app.json").write_text(json.dumps(table))
        return dist, run("inline-first-load.py", str(dist), str(i18n))

    def test_the_stylesheet_the_glue_and_the_words_go_into_the_page_and_the_wasm_is_asked_for_first(self):
        d, done = self.inline()
        self.assertEqual(done.returncode, 0, done.stderr)
        page = (d / "index.html").read_text()
        self.assertTrue(
            page.startswith(
                "<!doctype html><html lang=en><meta charset=utf-8>"
                "<link as=fetch crossorigin href=/yoursay-app-0abc1_bg.wasm rel=preload type=application/wasm>"
            ),
            page,
        )
        self.assertIn("<style>body{margin:0}</style>", page)
        self.assertIn(
            "<script type=module>let k=async function(e){return e};function W(){}"
            "await k({module_or_path:'/yoursay-app-0abc1_bg.wasm'})</script>",
            page,
        )
        self.assertTrue(
            page.endswith(
                "<main></main><script type=text/plain id=words>"
                "Have your say\nDon't know\nSend\nDyweda dy farn\nDdim yn gwybod\nAnfon</script></body></html>"
            ),
            page,
        )
        for gone in ["main-9f8e7d6.css", "yoursay-app-0abc1.js", "modulepreload", "import init"]:
            self.assertNotIn(gone, page)
        self.assertEqual(sorted(p.name for p in d.iterdir()), ["index.html", "yoursay-app-0abc1_bg.wasm"])

    def test_a_page_it_does_not_recognise_is_left_as_it_was(self):
        page = TRUNK_PAGE.replace("<link data-integrity=none href=/main-9f8e7d6.css rel=stylesheet>", "")
        d, done = self.inline(page=page)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("expected one stylesheet link", done.stderr)
        self.assertEqual((d / "index.html").read_text(), page)
        self.assertTrue((d / "yoursay-app-0abc1.js").exists())

    def test_a_glue_that_could_end_the_script_early_is_refused(self):
        d, done = self.inline(glue="let k=()=>'</script>';export{k as default};")
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual((d / "index.html").read_text(), TRUNK_PAGE)

    def test_a_word_that_would_break_the_list_is_refused(self):
        for word in ["two\nlines", "ends </SCRIPT> early"]:
            words = {"en": {"a": word}, "cy": {"a": "iawn"}}
            d, done = self.inline(words=words)
            self.assertNotEqual(done.returncode, 0, word)
            self.assertIn("cannot go into the page", done.stderr)
            self.assertEqual((d / "index.html").read_text(), TRUNK_PAGE)


if __name__ == "__main__":
    unittest.main()
