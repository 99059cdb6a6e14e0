"""Fills the numerus forms of an English .ts file from the source text ("(s)" marks the plural).

Only new or unfinished entries are filled; finished ones (possibly corrected by hand) are kept."""
import sys
import xml.etree.ElementTree as ET


def main(path: str) -> None:
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [form.text or "" for form in translation.iter("numerusform")]
        # A finished entry keeps its forms: a singular corrected by hand ("%n row has problems") is not
        # reset to the mechanical one ("%n row have problems"). New or changed sources come back from
        # lupdate unfinished, and are filled again.
        if translation.get("type") != "unfinished" and len(forms) >= 2 and all(forms):
            continue
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1])
