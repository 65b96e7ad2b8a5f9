// VerdeelLexer: the tokens of the verdeel rules language.
// All keywords stand in the one block below, so that another keyword set (English) can be added
// here alone. Comments and white space go to the hidden channel: a formatter gets them back.
lexer grammar VerdeelLexer;

// ---------------------------------------------------------------- keywords (Dutch)
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
STAND           : 'stand';
OPLOPEND        : 'oplopend';
AFLOPEND        : 'aflopend';
GROOTSTE        : 'grootste';
OVERSCHOT       : 'overschot';
DHONDT          : 'd\'hondt';
SAINTE_LAGUE    : 'sainte-laguë' | 'sainte-lague';
HUNTINGTON_HILL : 'huntington-hill';
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
NUMBER    : [0-9] ([0-9_]* [0-9])? ('.' [0-9]+)?;
TEXTBLOCK : '"""' TEXTBLOCK_BODY '"""';
STRING    : '"' (~["\r\n] | '""')* '"';
IDENT     : [\p{L}_] [\p{L}\p{N}_]*;

// A text block holds anything but three quotes in a row.
fragment TEXTBLOCK_BODY : (~["] | '"' ~["] | '""' ~["])*;

// ---------------------------------------------------------------- hidden channel
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n\u00A0]+ -> channel(HIDDEN);

// ---------------------------------------------------------------- errors, reported by the parser
UNTERMINATED_TEXTBLOCK : '"""' TEXTBLOCK_BODY '"'? '"'? EOF;
UNTERMINATED_STRING    : '"' (~["\r\n] | '""')*;
BAD_CHAR               : .;
