"""Code and config snippets whose `@` words are not user handles (issue 12, handles).

Once a model reads every unknown `@word` of a tweet as a person's handle, it must also learn what
an `@` means in code: annotations and decorators (`@Override`, `@dataclass`), documentation tags
(`@param`, `@returns`), style-sheet rules (`@media`), package scopes (`@types/node`), SQL
variables (`@OrderId`) and team mentions (`@here`). These snippets hold them as O, next to the
personal data that code does carry (`@author Jane Doe`, `TODO(@dana_w)`, a reviewer's email).
The words are facts of the languages and tools named; the snippets are the project's own.
"""
import random

JAVA = ['@Override', '@Deprecated', '@Test', '@Autowired', '@Entity', '@Id', '@Transactional', '@Service',
        '@RestController', '@Nullable', '@NonNull', '@FunctionalInterface', '@BeforeEach', '@AfterAll',
        '@JsonProperty("id")', '@SuppressWarnings("unchecked")', '@Table(name = "orders")',
        '@GetMapping("/api/items")', '@PostMapping("/login")', '@Column(nullable = false)',
        '@Value("${server.port}")', '@JvmStatic', '@SuppressLint("NewApi")', '@Inject', '@Singleton']
PYTHON = ['@property', '@staticmethod', '@classmethod', '@dataclass', '@dataclass(frozen=True)', '@abstractmethod',
          '@lru_cache(maxsize=None)', '@functools.cache', '@pytest.fixture', '@pytest.mark.parametrize("n", [1, 2, 3])',
          '@app.route("/health")', '@app.get("/items")', '@torch.no_grad()', '@functools.wraps(fn)',
          '@retry(times=3)', '@login_required', '@contextmanager', '@typing.overload', '@unittest.skip("slow")']
TYPESCRIPT = ['@Component({ selector: "app-root" })', '@Injectable()', '@Input()', '@Output()',
              '@NgModule({ imports: [] })', '@Entity()', '@Column()', '@Controller("users")', '@Get(":id")',
              '@observable', '@action', '@customElement("my-card")']
DOC_TAGS = ['@param', '@returns', '@return', '@throws', '@type', '@typedef', '@example', '@deprecated', '@see',
            '@since', '@private', '@internal', '@override', '@async', '@module', '@default', '@remarks', '@link',
            '@todo', '@version', '@license', '@template', '@property', '@callback', '@beta']
CSS = ['@media (max-width: 600px) {', '@media print {', '@import url("theme.css");', '@font-face {', '@keyframes fade {',
       '@supports (display: grid) {', '@charset "UTF-8";', '@tailwind base;', '@tailwind utilities;',
       '@apply font-bold text-lg;', '@include breakpoint(md);', '@use "sass:math";', '@layer components {',
       '@container (min-width: 400px) {', '@page { margin: 1cm }']
SCOPES = ['@types/node', '@babel/core', '@vscode/test-electron', '@huggingface/transformers', '@angular/core',
          '@aws-sdk/client-s3', '@typescript-eslint/parser', '@faker-js/faker', '@mui/material', '@nestjs/common',
          '@tensorflow/tfjs', '@reduxjs/toolkit', '@emotion/react', '@testing-library/react', '@octokit/rest',
          '@google-cloud/storage', '@azure/identity', '@sentry/node', '@prisma/client', '@vitejs/plugin-react']
SQL_VARS = ['@OrderId', '@UserId', '@StartDate', '@EndDate', '@Total', '@RowCount', '@CustomerName', '@Status',
            '@PageSize', '@p0', '@p1', '@batch_id', '@tenant', '@ERROR', '@IDENTITY']
TEAM = ['@here', '@channel', '@everyone', '@all', '@team', '@oncall', '@reviewers', '@backend-team', '@devops']
IDENTS = ['load', 'save', 'handle', 'parse', 'render', 'validate', 'fetch_items', 'to_dict', 'resolve', 'build',
          'get_user', 'update_order', 'close', 'reset', 'compute_total', 'on_click', 'setup', 'teardown']
NOUNS = ['input text', 'record id', 'options object', 'file path', 'user name', 'callback', 'page number',
         'order total', 'request', 'response body', 'greeting', 'timeout in seconds', 'list of rows']
TYPES = ['string', 'number', 'boolean', 'Object', 'string[]', 'Promise<void>', 'Date', 'Map<string, number>']

# Lines with personal data ({name}, {email}, {handle} are rendered by realMix.render_mix).
PII_LINES = [
    ' * @author {name}',
    ' * @author {name} <{email}>',
    '# TODO({handle}): drop this once the migration is done',
    '// cc {handle} for review',
    'Reviewed-by: {name} <{email}>',
    'Signed-off-by: {name} <{email}>',
    '    maintainer = "{name} <{email}>"',
    '{handle} can you take a look at the failing test?',
    'Thanks {handle} for the patch!',
]


def _java(rng):
    lines = [rng.choice(JAVA) for _ in range(rng.randint(1, 2))]
    return '\n'.join(lines + ['public %s %s() {' % (rng.choice(['void', 'String', 'int', 'List<Order>']),
                                                        rng.choice(IDENTS))])


def _python(rng):
    lines = [rng.choice(PYTHON) for _ in range(rng.randint(1, 2))]
    return '\n'.join(lines + ['def %s(self%s):' % (rng.choice(IDENTS), rng.choice(['', ', value', ', *args']))])


def _typescript(rng):
    return '%s\n%s' % (rng.choice(TYPESCRIPT), rng.choice(['export class AppComponent {', 'count = 0;',
                                                           'name: string;', 'async findAll() {']))


def _doc(rng):
    out = ['/**', ' * %s the %s.' % (rng.choice(['Loads', 'Returns', 'Parses', 'Builds', 'Checks']), rng.choice(NOUNS))]
    for _ in range(rng.randint(1, 3)):
        tag = rng.choice(DOC_TAGS)
        if tag in ('@param', '@property'):
            out.append(' * %s {%s} %s the %s' % (tag, rng.choice(TYPES), rng.choice(IDENTS), rng.choice(NOUNS)))
        elif tag in ('@returns', '@return', '@type', '@throws'):
            out.append(' * %s {%s} the %s' % (tag, rng.choice(TYPES), rng.choice(NOUNS)))
        else:
            out.append(' * %s %s' % (tag, rng.choice(NOUNS)))
    return '\n'.join(out + [' */'])


def _css(rng):
    return '%s\n  .%s { %s }' % (rng.choice(CSS), rng.choice(['card', 'header', 'btn', 'nav', 'footer']),
                                 rng.choice(['display: none;', 'margin: 0;', 'color: #333;', 'opacity: 0;']))


def _npm(rng):
    scope = rng.choice(SCOPES)
    return rng.choice([
        'import { %s } from "%s";' % (rng.choice(['pipeline', 'Component', 'S3Client', 'faker', 'render']), scope),
        'npm install --save-dev %s@%d.%d.%d' % (scope, rng.randint(0, 20), rng.randint(0, 9), rng.randint(0, 30)),
        '    "%s": "^%d.%d.0",' % (scope, rng.randint(0, 20), rng.randint(0, 9)),
        'yarn add %s' % scope,
        'const lib = require("%s");' % scope,
    ])


def _sql(rng):
    v = rng.sample(SQL_VARS, 2)
    return rng.choice([
        'DECLARE %s INT = %d;' % (v[0], rng.randint(1, 999)),
        'SELECT * FROM orders WHERE id = %s AND status = %s;' % (v[0], v[1]),
        'EXEC dbo.UpdateOrder %s = 42, %s = 1;' % (v[0], v[1]),
        'SET %s = @@ROWCOUNT;' % v[0],
    ])


def _team(rng):
    return '%s %s' % (rng.choice(TEAM), rng.choice(['the deploy is done', 'standup moved to 10:30',
                                                    'please review the release notes', 'build is green again',
                                                    'heads up: the staging database restarts at noon']))


def _batch(rng):
    return rng.choice(['@echo off\nset PATH=%PATH%;C:\\tools', '@rem build the installer\nmsbuild app.sln',
                       'build:\n\t@echo compiling\n\t@$(CC) -o app main.c'])


FAMILIES = [_java, _python, _typescript, _doc, _doc, _css, _npm, _npm, _sql, _team, _batch]


def snippet(rng: random.Random) -> str:
    """One code/config fragment whose `@` words are all O."""
    return rng.choice(FAMILIES)(rng)
