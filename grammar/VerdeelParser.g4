// VerdeelParser: the syntax of a rule file (`.regels`). Every alternative is labelled and every
// child named, so the AST builder in interpreter/parse dispatches on typed contexts.
parser grammar VerdeelParser;

options { tokenVocab = VerdeelLexer; }

// A parameter after an artikel belongs to it (its members run to the next artikel, tabel, uitvoer or
// onderdeel); a parameter of the regulation itself stands before the first item or after a tabel or
// uitvoer. Said this way the grammar is unambiguous, which keeps ANTLR's prediction cheap.
ruleFile : (header | amendmentHeader)? parameter* item* EOF ;

// A regulation may build on another (`bouwt voort op "../2024"`): it takes that rule set's articles,
// tables and outputs as they stand, changes them with its own `onderdeel`s, and adds its own.
header
  : REGELING title=STRING
    CITATIE citation=STRING
    GELDIG VANAF from=DATE
    (GELDIG TOT until=DATE)?
    (BOUWT VOORT OP base=STRING)?
  ;

// An amending regulation (`wijziging`): it changes the regulation named after `wijzigt` from its
// own date on, in parts (`onderdeel A: vervangt artikel 2 door ...`), the way an amending law does.
amendmentHeader
  : WIJZIGING title=STRING
    CITATIE citation=STRING
    GELDIG VANAF from=DATE
    (GELDIG TOT until=DATE)?
    WIJZIGT target=STRING
  ;

// Everything a rule set holds can be amended: articles, the rules inside them (definitions,
// verdelingen, parameters and single dated values, exceptions, controles, claims), tables and their
// sources, and outputs.
part : ONDERDEEL label=IDENT COLON change ;

change
  : VERVANGT ARTIKEL number=articleNumber DOOR artikel                    # PartReplaceArticle
  | VOEGT IN artikel                                                      # PartInsertArticle
  | VERVALT ARTIKEL number=articleNumber                                  # PartRepealArticle
  | VOEGT AAN ARTIKEL number=articleNumber TOE member+                    # PartAddMembers
  | VERVANGT DEFINITIE name=IDENT DOOR member                             # PartReplaceDefinition
  | VERVALT DEFINITIE name=IDENT                                          # PartRepealDefinition
  | VERVANGT PARAMETER name=IDENT DOOR parameter                          # PartReplaceParameter
  | VERVALT PARAMETER name=IDENT                                          # PartRepealParameter
  | VOEGT AAN PARAMETER name=IDENT TOE value=lastParameterValue           # PartAddParameterValue
  | VERVANGT UITZONDERING name=IDENT DOOR exception                       # PartReplaceException
  | VERVALT UITZONDERING name=IDENT                                       # PartRepealException
  | VERVANGT kind=(CONTROLE | BEWERING) description=STRING DOOR member    # PartReplaceControle
  | VERVALT kind=(CONTROLE | BEWERING) description=STRING                 # PartRepealControle
  | VERVANGT TABEL name=IDENT DOOR table                                  # PartReplaceTable
  | VOEGT IN table                                                        # PartInsertTable
  | VERVALT TABEL name=IDENT                                              # PartRepealTable
  | VOEGT AAN TABEL name=IDENT TOE source=datedSource                     # PartAddTableSource
  | VERVANGT UITVOER name=STRING DOOR output                              # PartReplaceOutput
  | VOEGT IN output                                                       # PartInsertOutput
  | VERVALT UITVOER name=STRING                                           # PartRepealOutput
  ;

// A file a table takes its rows from on and after a date, with what is known of it.
datedSource : UIT path=STRING VANAF from=DATE sourceItem* ;
sourceItem
  : BRON source=STRING              # SourceBron
  | PEILDATUM date=DATE             # SourcePeildatum
  | HERKOMST status=herkomstStatus  # SourceStatus
  ;

item
  : artikel           # ItemArtikel
  | part              # ItemPart
  | table parameter*  # ItemTable
  | output parameter* # ItemOutput
  ;

// A keuze, if any, ends its article: what follows it up to the next artikel belongs to its last
// reading. Said this way a reading's rules never compete with the article's, which keeps prediction
// at one token.
artikel
  : ARTIKEL number=articleNumber title=STRING? (HERKOMST status=herkomstStatus)? (WETTEKST lawText=text)? member*
    choice?
  ;

// Article numbers as Dutch law writes them: `5`, `2.1`, `8a`, `2.1a besluit`, `1a keuze` (the words
// after the number name the document or mark a letter), `P 5`, `P 5a` (a chapter letter first, as in
// the Kieswet), and Roman numerals `I`, `II` (as an amending law numbers its articles). `keuze` may
// only come last, so that a `keuze` after an article without title is still read as one.
articleNumber
  : NUMBER (DOT NUMBER)* IDENT* KEUZE?        # ArticleNumbered
  | IDENT NUMBER (DOT NUMBER)* IDENT* KEUZE?  # ArticleLettered
  | IDENT                                     # ArticleRoman
  ;

text : STRING | TEXTBLOCK ;

member
  : parameter   # MemberParameter
  | definition  # MemberDefinition
  | exception   # MemberException
  | controle    # MemberControle
  | apportionment # MemberApportionment
  | claim         # MemberClaim
  ;

// A point the public sources leave open, with its readings (`lezing`): each with its own motivation
// and its own definitions and verdelingen; one is the default (`standaard`). Every reading defines the
// same names; the keuze's name is a text parameter that selects the reading (`--zet naam=lezing`,
// `verdeel keuzes`). A reading's rules run to the next `lezing` or the end of the article.
choice : KEUZE name=IDENT question=STRING? COLON alternative+ ;
alternative
  : LEZING name=IDENT (isDefault=STANDAARD)? title=STRING? MOTIVERING reasoning=text choiceMember+
  ;
choiceMember
  : definition    # ChoiceDefinition
  | apportionment # ChoiceApportionment
  ;

// ---------------------------------------------------------------- data
// A table reads its rows from one file, or from several by date (`uit "..." vanaf jjjj-mm-dd`: the
// `bron`, `peildatum` and `herkomst` after it are that file's); rows may carry their own validity
// (`geldig vanaf kolom ingang tot kolom einde`). The version in force on the peildatum decides.
table
  : TABEL name=IDENT UIT path=STRING tableItem*
  ;

tableItem
  : SLEUTEL column=IDENT                                                        # TableKey
  | KOLOM name=IDENT (UIT csvHeader=STRING)? COLON type=typeRef (optional=OPTIONEEL)?
    (GELIJK AAN via=IDENT DOT other=IDENT)?                                     # TableColumn
  | HERKOMST status=herkomstStatus                                              # TableStatus
  | BRON source=STRING                                                          # TableSource
  | PEILDATUM date=DATE                                                         # TablePeildatum
  | SCHEIDINGSTEKEN separator=STRING                                            # TableSeparator
  | ONTBREKEND marker=STRING                                                    # TableMissing
  | DECIMAALTEKEN mark=STRING                                                   # TableDecimal
  | UIT path=STRING VANAF from=DATE                                             # TableDatedSource
  | GELDIG VANAF KOLOM from=IDENT (TOT KOLOM until=IDENT)?                     # TableValidity
  ;

herkomstStatus : ECHT | GERECONSTRUEERD | FICTIEF ;

typeRef
  : GEHEEL GETAL                  # TypeInteger
  | GETAL                         # TypeNumber
  | TEKST                         # TypeText
  | WAARHEID                      # TypeBool
  | DATUM                         # TypeDate
  | HERKOMST                      # TypeHerkomst
  | VERWIJZING NAAR target=IDENT  # TypeReference
  ;

// ---------------------------------------------------------------- rules
// A parameter has one value, or dated values (`= 96_000 vanaf 2024-01-31 grondslag "..."`): the
// one in force on the peildatum is used.
parameter
  : PARAMETER name=IDENT COLON type=typeRef first=parameterValue
  ;

// A value with another after it says from when (`vanaf`) or on what ground (`grondslag`), so that a
// `=` right after a value is a comparison in it, never the start of the next value. This keeps the
// grammar unambiguous, which makes ANTLR's prediction cheap. The next value hangs under the one before
// it, after its `vanaf` or `grondslag`: whether another value follows is then seen at the next token
// (an `=`), where `value* last` had to look over a whole value for a `vanaf` after it.
parameterValue
  : EQ value=expr ((VANAF from=DATE (GRONDSLAG basis=STRING)? | GRONDSLAG basis=STRING) next=parameterValue?)?
  ;
lastParameterValue : EQ value=expr (VANAF from=DATE)? (GRONDSLAG basis=STRING)? ;

definition
  : DEFINITIE name=IDENT (PER subject=IDENT)? COLON type=typeRef EQ body=expr
  ;

exception
  : UITZONDERING name=IDENT OP target=IDENT
    ALS condition=expr
    DAN body=expr
    (GAAT VOOR beats+=IDENT (COMMA beats+=IDENT)*)?
  ;

// A whole total distributed over the rows of a table in proportion to a weight (stdlib/apportion).
apportionment
  : VERDELING name=IDENT PER subject=IDENT (BINNEN within=IDENT)? COLON
    VERDEEL total=expr
    NAAR RATO VAN weight=expr
    (WAARVOOR filter=expr)?
    METHODE method=apportionMethod (rescaled=HERSCHAALD)?
    restRounds+=restRound*
    (MINIMAAL minimum=expr)?
    (MAXIMAAL maximum=expr)?
    (majority=MEERDERHEIDSREGEL)?
    (BIJ GELIJKE STAND tieKeys+=tieKey (COMMA tieKeys+=tieKey)*)?
  ;

// A round of rest units of `methode restronden`: `restronde grootste overschotten, maximaal 1 per
// partij, waarvoor stemmen >= 75% * raad.kiesdeler`. The word after `grootste` is `overschot(ten)` or
// `gemiddelde(n)` (checked by the builder; `gemiddelde` is not reserved).
restRound
  : RESTRONDE GROOTSTE (surplus=(OVERSCHOT | OVERSCHOTTEN) | average=IDENT)
    (COMMA MAXIMAAL perEntity=NUMBER PER perTable=IDENT)?
    (COMMA? WAARVOOR filter=expr)?
  ;

// `lot uit KOLOM`: the order drawn by lot, from a column (1 first); `lot` is not reserved.
tieKey
  : lot=IDENT UIT column=IDENT                    # TieLot
  | key=expr (direction=(OPLOPEND | AFLOPEND))?   # TieOrder
  ;

apportionMethod
  : GROOTSTE (OVERSCHOT | OVERSCHOTTEN)  # MethodLargestRemainder
  | RESTRONDEN                           # MethodStaged
  | DHONDT              # MethodDHondt
  | SAINTE_LAGUE        # MethodSainteLague
  | HUNTINGTON_HILL     # MethodHuntingtonHill
  | ADAMS               # MethodAdams
  ;

controle
  : CONTROLE description=STRING (PER subject=IDENT)? COLON condition=expr
  ;

// A claim from a document (the minister's letter), checked on every run like a controle; with `ter
// toetsing` (a known outcome set against the rules) it is only reported, never stops a run.
claim
  : BEWERING quote=STRING (BRON source=STRING)? (toets=TER TOETSING)? (PER subject=IDENT)? COLON condition=expr
  ;

output
  : UITVOER name=STRING (PER subject=IDENT (GESPLITST NAAR splitBy=IDENT)?)?
    KOLOMMEN columns+=IDENT (COMMA columns+=IDENT)*
  ;

// ---------------------------------------------------------------- expressions
// Earlier alternatives bind tighter.
expr
  : primary                                                     # PrimaryExpr
  | entity=expr DOT field=IDENT                                 # MemberExpr
  | MINUS operand=expr                                          # NegateExpr
  | lhs=expr op=(STAR | SLASH) rhs=expr                         # MulDivExpr
  | lhs=expr op=(PLUS | MINUS) rhs=expr                         # AddSubExpr
  | lhs=expr op=(EQ | NE | LT | LE | GT | GE) rhs=expr          # CompareExpr
  | operand=expr IS negated=NIET? LEEG                          # IsEmptyExpr
  | NIET operand=expr                                           # NotExpr
  | lhs=expr EN rhs=expr                                        # AndExpr
  | lhs=expr OF rhs=expr                                        # OrExpr
  | ALS condition=expr DAN thenValue=expr ANDERS elseValue=expr # IfExpr
  ;

// A name, or a function of a verdeling's cut-off applied to one (`laatste_eenheid(x)`): one
// alternative, so that the choice among the primaries is made on the first token. ANTLR predicts
// only after a name, whether a `(` follows, on one token (with a separate `IDENT LPAREN` alternative
// it predicted for every primary, on two tokens: 544 predictions in a 2024 run, now 365).
primary
  : NUMBER                                                                    # NumberLit
  | STRING                                                                    # TextLit
  | DATE                                                                      # DateLit
  | value=(WAAR | ONWAAR)                                                     # BoolLit
  | DEZE tableName=IDENT                                                          # ThisEntity
  | fn=(SOM | MINIMUM | MAXIMUM | LIJST) LPAREN value=expr OVER tableName=IDENT
      (WAARVOOR filter=expr)? RPAREN                                          # Aggregate
  | AANTAL LPAREN tableName=IDENT (WAARVOOR filter=expr)? RPAREN                  # Count
  | AFGEROND LPAREN value=expr COMMA rounding=roundingMode
      (COMMA decimals=NUMBER DECIMALEN)? RPAREN                               # Round
  | name=IDENT (LPAREN arg=IDENT RPAREN)?                                     # NameRef
  | LPAREN inner=expr RPAREN                                                  # Paren
  ;

roundingMode
  : REKENKUNDIG    # ModeHalfUp
  | NAAR BENEDEN   # ModeDown
  | NAAR BOVEN     # ModeUp
  | HALF EVEN      # ModeHalfEven
  ;

// ---------------------------------------------------------------- tests (`.toets`)
// A test file (`toetsen/*.toets` beside the rules) holds tests of its rule set: each a situation (the
// version on a peildatum, parameters set, tables given other rows, inline or from a file) and what
// the rules must give in it. Read by interpreter/toets; the rules of the set are not in it.
testFile : test* EOF ;

test : TOETS title=STRING testItem* ;

testItem
  : PEILDATUM date=DATE                                                        # TestPeildatum
  | ZET name=IDENT EQ value=testValue                                          # TestSetting
  | GEGEVENS tableName=IDENT (UIT path=STRING | rows=TEXTBLOCK)                # TestData
  | VERWACHT name=IDENT (VAN entity=testEntity)? EQ value=testValue            # TestExpectValue
  | VERWACHT kind=(CONTROLE | BEWERING) description=STRING EQ value=testValue  # TestExpectControle
  | VERWACHT ELKE CONTROLE EQ value=testValue                                  # TestExpectEveryControle
  | VERWACHT UITVOER name=STRING GELIJK AAN path=STRING                        # TestExpectOutput
  ;

// An entity by its key or its name: `"GM0193"`, `Zwolle`, `"'s-Hertogenbosch"`.
testEntity : STRING | IDENT ;

// A value as a test writes it: `826`, `-3`, `2/3`, `0,75`, `"tekst"`, `2024-12-20`, `waar`, `leeg`,
// or a word (the reading of a keuze).
testValue
  : negative=MINUS? NUMBER (SLASH denominator=NUMBER)?  # TestNumber
  | STRING                                              # TestText
  | DATE                                                # TestDate
  | value=(WAAR | ONWAAR)                               # TestBool
  | LEEG                                                # TestEmpty
  | IDENT                                               # TestWord
  ;
