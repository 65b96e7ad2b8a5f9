// VerdeelParser: the syntax of a rule file (`.regels`). Every alternative is labelled and every
// child named, so the AST builder in interpreter/parse dispatches on typed contexts.
parser grammar VerdeelParser;

options { tokenVocab = VerdeelLexer; }

// A parameter after an artikel belongs to it (its members run to the next artikel, tabel, uitvoer or
// onderdeel); a parameter of the regulation itself stands before the first item or after a tabel or
// uitvoer. Said this way the grammar is unambiguous, which keeps ANTLR's prediction cheap.
ruleFile : (header | amendmentHeader)? parameter* item* EOF ;

header
  : REGELING title=STRING
    CITATIE citation=STRING
    GELDIG VANAF from=DATE
    (GELDIG TOT until=DATE)?
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

part
  : ONDERDEEL label=IDENT COLON VERVANGT ARTIKEL number=articleNumber DOOR artikel  # PartReplaceArticle
  | ONDERDEEL label=IDENT COLON VOEGT IN artikel                                    # PartInsertArticle
  | ONDERDEEL label=IDENT COLON VERVALT ARTIKEL number=articleNumber                 # PartRepealArticle
  | ONDERDEEL label=IDENT COLON VERVANGT DEFINITIE name=IDENT DOOR member           # PartReplaceDefinition
  | ONDERDEEL label=IDENT COLON VERVALT DEFINITIE name=IDENT                        # PartRepealDefinition
  ;

item
  : artikel           # ItemArtikel
  | part              # ItemPart
  | table parameter*  # ItemTable
  | output parameter* # ItemOutput
  ;

artikel
  : ARTIKEL number=articleNumber title=STRING? (HERKOMST status=herkomstStatus)? (WETTEKST lawText=text)? member*
  ;

articleNumber : NUMBER (DOT NUMBER)* IDENT? ;

text : STRING | TEXTBLOCK ;

member
  : parameter   # MemberParameter
  | definition  # MemberDefinition
  | exception   # MemberException
  | controle    # MemberControle
  | apportionment # MemberApportionment
  | claim         # MemberClaim
  ;

// ---------------------------------------------------------------- data
table
  : TABEL name=IDENT UIT path=STRING tableItem*
  ;

tableItem
  : SLEUTEL column=IDENT                                                        # TableKey
  | KOLOM name=IDENT (UIT csvHeader=STRING)? COLON type=typeRef (optional=OPTIONEEL)?  # TableColumn
  | HERKOMST status=herkomstStatus                                              # TableStatus
  | BRON source=STRING                                                          # TableSource
  | PEILDATUM date=DATE                                                         # TablePeildatum
  | SCHEIDINGSTEKEN separator=STRING                                            # TableSeparator
  | ONTBREKEND marker=STRING                                                    # TableMissing
  | DECIMAALTEKEN mark=STRING                                                   # TableDecimal
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
  : PARAMETER name=IDENT COLON type=typeRef dated+=parameterValue* last=lastParameterValue
  ;

// A value with another after it says from when (`vanaf`) or on what ground (`grondslag`), so that a
// `=` right after a value is a comparison in it, never the start of the next value. This keeps the
// grammar unambiguous, which makes ANTLR's prediction cheap.
parameterValue : EQ value=expr (VANAF from=DATE (GRONDSLAG basis=STRING)? | GRONDSLAG basis=STRING) ;
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
    METHODE method=apportionMethod
    (MINIMAAL minimum=expr)?
    (MAXIMAAL maximum=expr)?
    (BIJ GELIJKE STAND tieKeys+=tieKey (COMMA tieKeys+=tieKey)*)?
  ;

tieKey : key=expr (direction=(OPLOPEND | AFLOPEND))? ;

apportionMethod
  : GROOTSTE OVERSCHOT  # MethodLargestRemainder
  | DHONDT              # MethodDHondt
  | SAINTE_LAGUE        # MethodSainteLague
  | HUNTINGTON_HILL     # MethodHuntingtonHill
  | ADAMS               # MethodAdams
  ;

controle
  : CONTROLE description=STRING (PER subject=IDENT)? COLON condition=expr
  ;

// A claim from a document (the minister's letter), checked on every run like a controle.
claim
  : BEWERING quote=STRING (BRON source=STRING)? (PER subject=IDENT)? COLON condition=expr
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
  | name=IDENT                                                                # NameRef
  | LPAREN inner=expr RPAREN                                                  # Paren
  ;

roundingMode
  : REKENKUNDIG    # ModeHalfUp
  | NAAR BENEDEN   # ModeDown
  | NAAR BOVEN     # ModeUp
  | HALF EVEN      # ModeHalfEven
  ;
