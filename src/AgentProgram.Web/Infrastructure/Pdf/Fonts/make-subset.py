#!/usr/bin/python3
"""Builds the embedded PDF faces from Liberation Sans 2 (SIL OFL 1.1): Latin glyphs only, no hinting, renamed.

Skia embeds a face whole in every PDF; the full faces (410 KB each) made a one-page letter 650 KB and capped a
batch at ~30 letters/s. The subset covers Basic Latin, Latin-1, Latin Extended-A and the punctuation an Indonesian
letter uses. "Liberation" is a Reserved Font Name, so the modified faces are named "AgentProgram Sans".
Run from this folder with Debian's python3-fonttools and fonts-liberation2:
  /usr/bin/python3 make-subset.py /usr/share/fonts/truetype/liberation2
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

UNICODES = ("U+0020-007E,U+00A0-017F,U+0192,U+02C6-02DD,U+2010-2027,U+2030,U+2039-203A,U+20AC,"
            "U+2116,U+2122,U+2190-2193,U+2212,U+2264-2265,U+25CF")
STYLES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}
FAMILY = "AgentProgram Sans"

source = sys.argv[1] if len(sys.argv) > 1 else "."
for face, style in STYLES.items():
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern", "liga"]
    options.drop_tables += ["FFTM"]
    font = TTFont(f"{source}/LiberationSans-{face}.ttf")
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    postscript = FAMILY.replace(" ", "") + "-" + face
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(f"{FAMILY} {style}", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{postscript}; subset of Liberation Sans 2", 3, record.platformID, record.platEncID, record.langID)
    font.save(f"AgentProgramSans-{face}.ttf")
    print(f"AgentProgramSans-{face}.ttf")
