"""Words inside place names that say what kind of name it is."""

# Last words of street, building and site names: such a place lies in the article's town.
FACILITY_WORDS = frozenset((
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
    "highway", "square", "plaza", "park", "center", "centre", "hall", "church", "cathedral",
    "mosque", "temple", "school", "college", "university", "academy", "hospital", "stadium",
    "arena", "market", "mall", "club", "court", "courthouse", "station", "airport", "bridge",
    "estate", "village", "building", "tower", "hotel", "inn", "museum", "library", "prison",
    "jail", "campus", "base", "camp", "port", "harbour", "harbor", "bank", "embassy", "office",
    "house", "centre", "racecourse", "field", "fields", "place", "rue", "calle", "via", "lake",
    "fort", "mount", "canal", "river", "creek", "railroad",
))  # fmt: skip


# Words that begin many names without naming a place alone: "River North" is not "North".
GENERIC_WORDS = frozenset((
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "federal", "national", "new", "upper", "lower", "greater", "grand", "great", "royal", "city",
    "state", "united", "union", "international", "saint", "st",
))  # fmt: skip
