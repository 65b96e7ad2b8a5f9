// The typed AST of a rule set: what the parse stage builds from the ANTLR tree and the check stage
// reads. It holds names as written (unresolved) and a SourceSpan on every node. A rule set read from
// a folder is one RuleSet with the declarations of all its files in file order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ast/date.hpp"
#include "source/source.hpp"

namespace verdeel::ast {

struct Ident {
  std::string name;
  SourceSpan span;
};

enum class TypeKind { Integer, Number, Text, Bool, Date, Herkomst, Reference };

struct TypeRef {
  TypeKind kind = TypeKind::Number;
  Ident target;  // the referenced table, for Reference
  SourceSpan span;
};

enum class Herkomst { Echt = 0, Gereconstrueerd = 1, Fictief = 2 };  // ordered: less certain is higher

enum class BinOp { Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge, And, Or };
enum class UnOp { Neg, Not };
enum class RoundMode { HalfUp, Down, Up, HalfEven };
enum class AggFn { Sum, Min, Max, Count, List };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct NumberLit {
  std::string text;
};  // digits as written, `_` removed
struct TextLit {
  std::string value;
};
struct DateLit {
  Date value;
};
struct BoolLit {
  bool value;
};
struct NameRef {
  std::string name;
};
struct ThisRef {
  Ident table;
};  // deze gemeente
struct Member {
  ExprPtr entity;
  Ident field;
};  // provincie.opvangopgave
struct Unary {
  UnOp op;
  ExprPtr operand;
};
struct Binary {
  BinOp op;
  ExprPtr lhs, rhs;
};
struct IsEmpty {
  ExprPtr operand;
  bool negated;
};  // x is leeg / x is niet leeg
struct If {
  ExprPtr condition, thenValue, elseValue;
};
struct Aggregate {
  AggFn fn;
  ExprPtr value;
  Ident table;
  ExprPtr filter;
};  // value null for Count
struct Round {
  ExprPtr value;
  RoundMode mode;
  std::optional<int> decimals;
};

// What a verdeling decided at its cut-off, as a value: `laatste_eenheid(x)` (the entity that got the
// last unit), `volgende_eenheid(x)` (the next in line), `prioriteit_laatste(x)`,
// `prioriteit_volgende(x)` (their remainder, priority, surplus or average), `marge_laatste(x)`,
// `marge_volgende(x)` (the smallest whole change of their weight that would move the unit: the US
// Census "Table B" figures).
enum class UnitQueryKind { Last, Next, LastPriority, NextPriority, LastMargin, NextMargin };
struct UnitQuery {
  UnitQueryKind kind;
  Ident definition;
};

struct Expr {
  SourceSpan span;
  std::variant<NumberLit, TextLit, DateLit, BoolLit, NameRef, ThisRef, Member, Unary, Binary, IsEmpty, If,
               Aggregate, Round, UnitQuery>
      node;
};

struct Header {
  std::string title;
  std::string citation;
  Date validFrom;
  std::optional<Date> validUntil;
  std::string base;  // `bouwt voort op "..."`: the rule set this regulation builds on, as written
  SourceSpan baseSpan;
  SourceSpan span;
};

struct ColumnDecl {
  Ident name;
  std::string csvHeader;  // the header in the file; defaults to the name
  TypeRef type;
  bool optional = false;
  // `gelijk aan code.naam`: each cell must equal column `naam` of the row that reference column
  // `code` of the same row names (a name written beside a code is checked against the code).
  std::optional<Ident> matchVia, matchColumn;
  SourceSpan span;
};

// A file a table reads its rows from: the first from the start, others `vanaf` a date, each with
// what is known of it (`bron`, `peildatum`, `herkomst`).
struct TableSourceDecl {
  std::string path;     // as written, relative to the declaring file's folder
  std::string baseDir;  // that folder
  SourceSpan pathSpan;
  std::optional<Date> from;  // none: from the start
  std::string source;
  std::optional<Date> peildatum;
  std::optional<Herkomst> status;
  SourceSpan span;
};

struct TableDecl {
  Ident name;
  // The file in force (set when the version is chosen, parse/version.cpp); before that the first.
  std::string path;  // as written, relative to the declaring file's folder
  std::string baseDir;
  SourceSpan pathSpan;
  std::vector<TableSourceDecl> sources;  // as written, the first without a date
  std::optional<Date> sourceFrom;        // the date from which the file in force is used
  // `geldig vanaf kolom a tot kolom b`: a row counts only on the dates within its own validity.
  std::optional<Ident> validFromColumn, validUntilColumn;
  std::optional<Ident> key;
  std::vector<ColumnDecl> columns;
  std::optional<Herkomst> status;
  std::string source;
  std::optional<Date> peildatum;
  std::string separator;  // "" = detect from the header line
  std::string missing;    // `ontbrekend ".."`: a cell with this text counts as blank
  std::string decimal;    // `decimaalteken ".."`: "" = by the separator (`,` in `;` files)
  SourceSpan span;
  std::vector<SourceSpan> repeated;  // items given twice (reported by the checker)
};

struct Article {
  std::string number;  // "2.1", "5a"
  std::string title;
  std::string lawText;  // verbatim
  // `herkomst gereconstrueerd`: every value this article's rules give is at most this certain
  // (a reconstruction of missing data is not real data, whatever its inputs).
  std::optional<Herkomst> herkomst;
  // What tells this version of the article apart from another (used by diff): its whole text as
  // written, plus a line for each amendment part that changed one of its rules and for each dated
  // parameter value chosen (added by parse/version.cpp). Empty when repealed.
  std::string fingerprint;
  bool repealed = false;  // `vervalt` by an amendment in force
  SourceSpan span;
};

struct ParameterValue {
  ExprPtr value;
  std::string text;          // the value as written (`88_000`), for explanations
  std::optional<Date> from;  // `vanaf`; none: from the start
  std::string basis;
  SourceSpan span;
};

struct ParameterDecl {
  Ident name;
  TypeRef type;
  std::vector<ParameterValue> values;  // as written; one is chosen for the peildatum
  ExprPtr value;                       // the value in force (set when the version is chosen)
  std::string basis;
  // Every dated value as written, with whether it is the one in force (set with `value`): an
  // explanation names the grondslag of the value used and the other values of the parameter.
  struct Dated {
    std::optional<Date> from;
    std::string text, basis;
    bool chosen = false;
  };
  std::vector<Dated> history;
  int article = -1;  // index into RuleSet::articles, -1 outside an artikel
  SourceSpan span;
};

enum class ApportionMethod { LargestRemainder, DHondt, SainteLague, HuntingtonHill, Adams, Staged };

struct TieKeyDecl {
  ExprPtr key;
  std::string text;         // the key as written (`inwoners`), for explanations
  bool descending = false;  // `aflopend`
  bool lot = false;         // `lot uit KOLOM`: the order drawn by lot, from the column `key` names
};

// `restronde grootste overschotten|gemiddelden [, maximaal N per T] [waarvoor c]` of `methode restronden`.
struct RestRoundDecl {
  bool surplus = false;                  // overschot(ten); else gemiddelde(n)
  std::optional<std::string> perEntity;  // the number N as written
  std::optional<Ident> perTable;
  ExprPtr filter;  // may be null
  SourceSpan span;
};

// `verdeling x per T [binnen G]: verdeel e naar rato van w [waarvoor c] methode m [restronde ...]*
// [minimaal a] [maximaal b] [meerderheidsregel] [bij gelijke stand k1 [aflopend], ...]`
struct ApportionDecl {
  ExprPtr total, weight, filter, minimum, maximum;
  ApportionMethod method = ApportionMethod::LargestRemainder;
  std::optional<Ident> within;
  std::vector<TieKeyDecl> tieBreak;
  SourceSpan methodSpan;
  // `methode grootste overschot herschaald`: bounds by clamp-and-rescale instead of as statutes
  // mean them (stdlib::ApportionInput::rescaled).
  bool rescaled = false;
  SourceSpan rescaledSpan;
  std::vector<RestRoundDecl> rounds;  // `methode restronden`
  bool majority = false;              // `meerderheidsregel` (Kieswet P 9)
  SourceSpan majoritySpan;
};

struct DefinitionDecl {
  Ident name;
  std::optional<Ident> subject;  // per gemeente
  TypeRef type;
  ExprPtr body;                            // null for a verdeling
  std::optional<ApportionDecl> apportion;  // a verdeling: the definition is its result, `geheel getal`
  int article = -1;
  SourceSpan span;
  // A definition of one reading of a `keuze`: the keuze's and the reading's names (empty otherwise).
  std::string choice, alternative;
};

// `keuze naam "vraag": lezing a standaard "titel" motivering "..." <regels> lezing b ...`: a point the
// sources leave open, with its readings. The rules of each reading are in Fragment::definitions
// (their `choice` and `alternative` say whose); parse/choices.cpp turns the keuze into a text
// parameter and one definition per name that takes the selected reading's value.
struct ChoiceDecl {
  struct Alternative {
    Ident name;
    std::string title;
    std::string reasoning;  // the motivering, verbatim
    bool isDefault = false;
    SourceSpan span;
  };
  Ident name;
  std::string question;
  std::vector<Alternative> alternatives;
  int article = -1;
  SourceSpan span;
};

struct ExceptionDecl {
  Ident name;
  Ident target;
  ExprPtr condition;
  ExprPtr body;
  std::vector<Ident> beats;  // gaat voor
  int article = -1;
  SourceSpan span;
};

struct ControleDecl {
  std::string description;  // for a bewering: the sentence quoted
  bool claim = false;       // a `bewering` rather than a `controle`
  std::string source;       // a bewering's `bron`
  bool reportOnly = false;  // `ter toetsing`: reported in the claims report, never stops a run
  std::optional<Ident> subject;
  ExprPtr condition;
  int article = -1;
  SourceSpan span;
};

struct OutputDecl {
  std::string name;
  std::optional<Ident> subject;
  std::optional<Ident> splitBy;
  std::vector<Ident> columns;
  SourceSpan span;
};

// Articles with their rules: a rule set, or the new text an amendment puts in.
struct Fragment {
  std::vector<Article> articles;
  std::vector<ParameterDecl> parameters;
  std::vector<DefinitionDecl> definitions;
  std::vector<ExceptionDecl> exceptions;
  std::vector<ControleDecl> controles;
  std::vector<ChoiceDecl> choices;
};

struct AmendmentPart {
  enum class Kind {
    ReplaceArticle,
    InsertArticle,
    RepealArticle,
    AddMembers,  // `voegt aan artikel N toe`: rules added to an article
    ReplaceDefinition,
    RepealDefinition,
    ReplaceParameter,
    RepealParameter,
    AddParameterValue,  // `voegt aan parameter x toe = ... vanaf ...`: one dated value
    ReplaceException,
    RepealException,
    ReplaceControle,  // a controle or a bewering, by its text
    RepealControle,
    ReplaceTable,
    InsertTable,
    RepealTable,
    AddTableSource,  // `voegt aan tabel t toe uit "..." vanaf ...`
    ReplaceOutput,
    InsertOutput,
    RepealOutput,
  };
  Kind kind = Kind::ReplaceArticle;
  std::string label;    // `A` of `onderdeel A`
  std::string article;  // the article replaced, repealed or added to (its number)
  Ident definition;     // the definition, parameter, exception, table or output named (an output by its text)
  bool claim = false;   // a ReplaceControle or RepealControle of a `bewering`
  Fragment content;     // the new article with its rules, or the new rules (article index -1)
  std::vector<TableDecl> tables;          // the new table
  std::vector<OutputDecl> outputs;        // the new output
  std::optional<TableSourceDecl> source;  // the added source
  SourceSpan span;
};

struct Amendment {
  Header header;       // its own title, citation and validity
  std::string target;  // the title of the regulation it changes
  SourceSpan targetSpan;
  std::vector<AmendmentPart> parts;
  std::uint32_t file = 0;
};

// A regulation another builds on, with its own `onderdeel`s (which change what it took over).
struct Layer {
  Header header;
  std::vector<AmendmentPart> parts;
};

struct RuleSet : Fragment {
  std::vector<Header> headers;  // exactly one when well formed
  // A regulation that builds on another (`bouwt voort op`): the regulations below it, the lowest
  // first, and its own `onderdeel`s, which change what it takes over from the day it is in force.
  std::vector<Layer> bases;
  std::vector<AmendmentPart> ownParts;
  std::vector<TableDecl> tables;
  std::vector<OutputDecl> outputs;
  std::vector<Amendment> amendments;
  std::vector<std::uint32_t> files;  // source ids, in reading order
  // The version in force: the peildatum and which amendments were applied (set by parse::choose).
  std::optional<Date> peildatum;
  std::string version;
};

const char* herkomstName(Herkomst h);
// Makes source `index` of `t` the one in force: its path, bron, peildatum, herkomst and date.
void useSource(TableDecl& t, std::size_t index);  // "echt", "gereconstrueerd", "fictief"

}  // namespace verdeel::ast
