// VerdeelLexer: the tokens of the verdeel rules language.
// All keywords stand in one block (at the end, mode KEYWORDS), so that another keyword set
// (English) can be added there alone. Comments and white space go to the hidden channel: a formatter
// gets them back.
// This grammar is the definition of the tokens. The parser reads them from a scanner written by hand
// after it (interpreter/parse/scanner.cpp), which the tests and the rules fuzzer hold to the lexer
// ANTLR generates from this file, token by token: change both together.
lexer grammar VerdeelLexer;

// ---------------------------------------------------------------- keywords with other characters
// The keywords that are words are lexed as IDENT and typed from the KEYWORDS block at the end (see
// there); these three hold a quote or a hyphen, so they are tokens of their own.
DHONDT          : 'd\'hondt';
SAINTE_LAGUE    : 'sainte-laguë' | 'sainte-lague';
HUNTINGTON_HILL : 'huntington-hill';

// ---------------------------------------------------------------- punctuation
LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
COLON  : ':';
DOT    : '.';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
LE     : '<=';
GE     : '>=';
NE     : '<>';
LT     : '<';
GT     : '>';
EQ     : '=';

// ---------------------------------------------------------------- literals and names
DATE      : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9] '-' [0-9] [0-9];
// A number: digits (with `_` between them), optionally a decimal point or a decimal comma between
// digits (`0.9`, `0,9`; a comma between arguments stands before a space), optionally `%` (hundredths).
// `1.000` is lexed too, so that the checker can say it is ambiguous (E0107).
NUMBER    : [0-9] ([0-9_]* [0-9])? ([.,] [0-9]+)? '%'?;
TEXTBLOCK : '"""' TEXTBLOCK_BODY '"""';
STRING    : '"' (~["\r\n] | '""')* '"';
// A name: ASCII letters, digits and `_`, and any other character but the spaces and marks listed
// in NOT_IN_NAME. That a non-ASCII character of a name is a letter (or, after the first, a digit)
// is checked after lexing (interpreter/parse, with ICU): Unicode letter classes in the lexer make
// ANTLR build its tables for tens of milliseconds at every start.
IDENT     : NAME_START NAME_PART*;
fragment NAME_START : [a-zA-Z_] | NON_ASCII;
fragment NAME_PART  : [a-zA-Z0-9_] | NON_ASCII;
fragment NON_ASCII  : ~[\u0000-\u007F\u00A0\u2000-\u206F\u3000\uFEFF];

// A text block holds anything but three quotes in a row.
fragment TEXTBLOCK_BODY : (~["] | '"' ~["] | '""' ~["])*;

// ---------------------------------------------------------------- hidden channel
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n\u00A0]+ -> skip;  // positions are on the tokens; a formatter needs the comments only

// ---------------------------------------------------------------- errors, reported by the parser
UNTERMINATED_TEXTBLOCK : '"""' TEXTBLOCK_BODY '"'? '"'? EOF;
UNTERMINATED_STRING    : '"' (~["\r\n] | '""')*;
BAD_CHAR               : .;

// ---------------------------------------------------------------- keywords (Dutch)
// The lexer never enters this mode. A keyword is lexed as an IDENT and given the type of the rule
// below whose text it is (interpreter/parse/keywords.cpp, from the vocabulary's literal names): one
// rule for names instead of a hundred keyword rules makes the lexer's tables small, so starting and
// lexing are cheap. The rules stay here as the one list of keywords and for the messages.
mode KEYWORDS;
REGELING        : 'regeling';
CITATIE         : 'citatie';
GELDIG          : 'geldig';
VANAF           : 'vanaf';
TOT             : 'tot';
ARTIKEL         : 'artikel';
WETTEKST        : 'wettekst';
TABEL           : 'tabel';
UIT             : 'uit';
SLEUTEL         : 'sleutel';
KOLOM           : 'kolom';
KOLOMMEN        : 'kolommen';
OPTIONEEL       : 'optioneel';
VERWIJZING      : 'verwijzing';
NAAR            : 'naar';
BRON            : 'bron';
PEILDATUM       : 'peildatum';
HERKOMST        : 'herkomst';
ECHT            : 'echt';
GERECONSTRUEERD : 'gereconstrueerd';
FICTIEF         : 'fictief';
SCHEIDINGSTEKEN : 'scheidingsteken';
PARAMETER       : 'parameter';
GRONDSLAG       : 'grondslag';
DEFINITIE       : 'definitie';
PER             : 'per';
UITZONDERING    : 'uitzondering';
OP              : 'op';
ALS             : 'als';
DAN             : 'dan';
ANDERS          : 'anders';
GAAT            : 'gaat';
VOOR            : 'voor';
CONTROLE        : 'controle';
UITVOER         : 'uitvoer';
GESPLITST       : 'gesplitst';
EN              : 'en';
OF              : 'of';
NIET            : 'niet';
IS              : 'is';
LEEG            : 'leeg';
WAAR            : 'waar';
ONWAAR          : 'onwaar';
DEZE            : 'deze';
OVER            : 'over';
WAARVOOR        : 'waarvoor';
SOM             : 'som';
AANTAL          : 'aantal';
MINIMUM         : 'minimum';
MAXIMUM         : 'maximum';
AFGEROND        : 'afgerond';
REKENKUNDIG     : 'rekenkundig';
BENEDEN         : 'beneden';
BOVEN           : 'boven';
HALF            : 'half';
EVEN            : 'even';
DECIMALEN       : 'decimalen';
GEHEEL          : 'geheel';
GETAL           : 'getal';
TEKST           : 'tekst';
WAARHEID        : 'waarheid';
DATUM           : 'datum';
VERDELING       : 'verdeling';
VERDEEL         : 'verdeel';
RATO            : 'rato';
VAN             : 'van';
BINNEN          : 'binnen';
METHODE         : 'methode';
MINIMAAL        : 'minimaal';
MAXIMAAL        : 'maximaal';
BIJ             : 'bij';
GELIJKE         : 'gelijke';
GELIJK          : 'gelijk';
TER             : 'ter';
TOETSING        : 'toetsing';
KEUZE           : 'keuze';
LEZING          : 'lezing';
STANDAARD       : 'standaard';
MOTIVERING      : 'motivering';
HERSCHAALD      : 'herschaald';
RESTRONDEN      : 'restronden';
RESTRONDE       : 'restronde';
MEERDERHEIDSREGEL : 'meerderheidsregel';
STAND           : 'stand';
OPLOPEND        : 'oplopend';
AFLOPEND        : 'aflopend';
GROOTSTE        : 'grootste';
OVERSCHOT       : 'overschot';
OVERSCHOTTEN    : 'overschotten';
ADAMS           : 'adams';
BEWERING        : 'bewering';
ONTBREKEND      : 'ontbrekend';
DECIMAALTEKEN   : 'decimaalteken';
LIJST           : 'lijst';
WIJZIGING       : 'wijziging';
WIJZIGT         : 'wijzigt';
ONDERDEEL       : 'onderdeel';
VERVANGT        : 'vervangt';
DOOR            : 'door';
VOEGT           : 'voegt';
IN              : 'in';
VERVALT         : 'vervalt';
AAN             : 'aan';
TOE             : 'toe';
BOUWT           : 'bouwt';
VOORT           : 'voort';
TOETS           : 'toets';
VERWACHT        : 'verwacht';
GEGEVENS        : 'gegevens';
ZET             : 'zet';
ELKE            : 'elke';
