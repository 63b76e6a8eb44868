"""A small sentence grammar for training: subject-verb-object-adjunct sentences in which the
same slot is filled by a person, an organization, a place or a common noun phrase. Seeing one
frame with different fillers teaches that context, not the frame, decides the label; plain
sentences without any entity teach that most words are not PII."""

NOUNS = ['report', 'budget', 'contract', 'invoice', 'proposal', 'schedule', 'shipment', 'update',
         'request', 'design', 'presentation', 'survey', 'order', 'policy', 'application', 'draft',
         'meeting', 'roadmap', 'prototype', 'package', 'review', 'estimate', 'receipt', 'form',
         'ticket', 'dataset', 'model', 'feature', 'release', 'migration', 'backup', 'dashboard',
         'campaign', 'brochure', 'menu', 'recipe', 'lecture', 'exam', 'workshop', 'playlist',
         'garden', 'kitchen', 'bicycle', 'laptop', 'printer', 'charger', 'umbrella', 'coffee']
ADJS = ['new', 'final', 'revised', 'quarterly', 'annual', 'urgent', 'signed', 'updated', 'late',
        'early', 'detailed', 'short', 'long', 'cheap', 'expensive', 'broken', 'shared', 'private',
        'public', 'second', 'first', 'last', 'weekly', 'internal', 'external', 'green', 'red']
VERBS = ['reviewed', 'approved', 'signed', 'sent', 'rejected', 'updated', 'shipped', 'cancelled',
         'requested', 'forwarded', 'printed', 'postponed', 'finished', 'started', 'discussed',
         'shared', 'uploaded', 'deleted', 'received', 'booked', 'paid', 'checked', 'fixed',
         'presented', 'announced', 'questioned', 'praised', 'criticized', 'ordered', 'returned']
PERSON_VERBS = ['called', 'emailed', 'met', 'thanked', 'interviewed', 'hired', 'visited', 'helped',
                'introduced', 'invited', 'texted', 'congratulated', 'replaced', 'trained', 'paid']
ADVERBS = ['yesterday', 'today', 'this morning', 'last week', 'on Monday', 'again', 'quickly',
           'twice', 'at noon', 'after lunch', 'before the deadline', 'in person', 'by email', '']
PRONOUNS = ['She', 'He', 'They', 'We', 'I', 'Our team', 'The committee', 'Everyone', 'Nobody',
            'The manager', 'The new intern', 'My colleague', 'A customer', 'The landlord']


def _subject(rng, kind):
    if kind == 'person':
        return rng.choice(['{name}', '{first}', '{fullname}', '{title} {last}', '{name}'])
    if kind == 'org':
        return rng.choice(['{org}', '{famous_org}', 'The {dept} team at {org}', '{org}'])
    if kind == 'job':
        return rng.choice(['The {job}', 'Our {job}', 'A {job} from {city}'])
    return rng.choice(PRONOUNS)


def _object(rng):
    r = rng.random()
    if r < 0.5:
        return rng.choice(['the {adj} {noun}', 'a {adj} {noun}', 'the {noun}', 'our {noun}', 'the {noun} for {org}'])
    if r < 0.65:
        return rng.choice(['the {product}', 'the {noun} about {product}'])
    if r < 0.8:
        return rng.choice(["{first2}'s {noun}", "the {noun} from {name2}"])
    return rng.choice(["{org}'s {noun}", 'the {noun} from {org}'])


def _adjunct(rng):
    return rng.choice([
        ' in {city}', ' in {country}', ' at {org}', ' near {landmark}', ' with {name2}', ' with {org2}',
        ' for {name2}', ' for {org2}', ' on {date}', ' on {weekday}', ' in {month}', ' from {city}',
        ' at the {city} office', ' with the {nat} partners', ' before {date}', ' for the {dept} team',
        '', '', '', ' ' + rng.choice(ADVERBS)]).rstrip()


def sentence(rng):
    """A template string (with slots) built from the grammar."""
    kind = rng.choice(['person', 'person', 'org', 'org', 'job', 'pronoun'])
    subj = _subject(rng, kind)
    r = rng.random()
    if r < 0.55:
        s = '%s %s %s%s.' % (subj, rng.choice(VERBS), _object(rng), _adjunct(rng))
    elif r < 0.8:
        target = rng.choice(['{name2}', '{first2}', '{org2}', '{famous_org}', 'the {job}', '{title} {last2}'])
        s = '%s %s %s%s.' % (subj, rng.choice(PERSON_VERBS), target, _adjunct(rng))
    else:
        s = '%s %s%s.' % (subj, rng.choice(['moved', 'arrived', 'stayed', 'worked', 'waited', 'grew',
                                             'expanded', 'opened an office', 'relocated']),
                          rng.choice([' to {city}', ' in {country}', ' at {org}', ' to {region}', ' near {landmark}']))
    s = s.replace('{adj}', rng.choice(ADJS)).replace('{noun}', rng.choice(NOUNS))
    return s[0].upper() + s[1:] if s[0] != '{' else s
