// The checked Program: what the check stage returns and the evaluator runs. Names are resolved to
// indices, every expression has its type, the legal basis (article) of every rule is known, and the
// definitions are in dependency order. A Program is immutable and independent of any data, so one
// checked program can be evaluated against many data sets ("check once, evaluate many").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ast/ast.hpp"
#include "value/value.hpp"

namespace verdeel::check {

enum class Kind { Integer, Number, Text, Bool, Date, Herkomst, Entity };

struct Type {
  Kind kind = Kind::Number;
  int table = -1;  // for Entity
  bool operator==(const Type&) const = default;
  bool numeric() const { return kind == Kind::Integer || kind == Kind::Number; }
};

struct Column {
  std::string name;
  std::string csvHeader;
  Type type;
  bool optional = false;
  SourceSpan span;
  // `gelijk aan via.other`: the reference column of this table and the column of its target table
  // each cell must equal (-1: no such check). See check/matches.cpp and data/matches.cpp.
  int matchVia = -1;
  int matchColumn = -1;
};

struct Table {
  std::string name;
  std::string path;      // resolved against the rule file's folder
  std::string declared;  // as written in the rule file
  std::string root;      // the rule file's folder: the data must really lie under it (see data/load)
  std::optional<Date> sourceFrom;  // the file in force is used from this date (none: from the start)
  // `geldig vanaf kolom a tot kolom b`: the date columns of a row's own validity (-1: none). Rows
  // not valid on the peildatum are not read (data/load.cpp).
  int validFromColumn = -1, validUntilColumn = -1;
  SourceSpan pathSpan;
  int key = -1;             // column index
  int nameColumn = -1;      // a column called `naam`, used to show entities; -1 if none
  int herkomstColumn = -1;  // a column of type herkomst: per-row provenance
  std::vector<Column> columns;
  ast::Herkomst herkomst = ast::Herkomst::Echt;
  std::string source;
  std::optional<Date> peildatum;
  char separator = 0;   // 0 = detect from the header line
  std::string missing;  // a cell with this text counts as blank (`ontbrekend`)
  char decimal = 0;     // 0 = `,` in `;` files, `.` otherwise
  SourceSpan span;
  int column(std::string_view n) const;
};

struct Article {
  std::string number;
  std::string title;
  std::string lawText;
  SourceSpan span;
  std::optional<ast::Herkomst> herkomst;  // the provenance every value of this article has at least
  std::string fingerprint;                // see ast::Article::fingerprint
  bool repealed = false;
  std::string label() const;  // `art. 2.1`
};

// ---------------------------------------------------------------- checked expressions

struct CExpr;
using CExprPtr = std::unique_ptr<CExpr>;

enum class Scope { Subject, Loop };

struct Literal {
  Value value;
};
struct EntityOf {
  Scope scope;
};              // the subject or the loop entity
struct Field {  // a column or a per-entity definition
  CExprPtr entity;
  int table;
  bool isDefinition;
  int index;  // column index in the table, or definition index
};
struct ParamRef {
  int index;
};
struct ScalarRef {
  int definition;
};
struct Unary {
  ast::UnOp op;
  CExprPtr operand;
};
struct Binary {
  ast::BinOp op;
  CExprPtr lhs, rhs;
};
struct IsEmpty {
  CExprPtr operand;
  bool negated;
};
struct If {
  CExprPtr condition, thenValue, elseValue;
};
// A filter that is (or has as one conjunct of `en`) an equality between a column or per-entity
// definition of the aggregated table and a value that does not depend on the row (`code = deze
// gemeente`, `provincie = deze gemeente.provincie`): the evaluator answers it from an index on that
// column instead of visiting every row (see check/lookup.cpp). The pointers are into `filter`.
struct KeyLookup {
  bool isDefinition = false;
  int index = -1;                  // column of the aggregated table, or definition per that table
  const CExpr* column = nullptr;   // the row's side of the equality
  const CExpr* key = nullptr;      // the other side, evaluated once for the whole aggregate
  std::vector<const CExpr*> rest;  // the other conjuncts, in their order
};

struct Aggregate {
  ast::AggFn fn;
  CExprPtr value;
  int table;
  CExprPtr filter;
  std::optional<KeyLookup> lookup;
};
struct Round {
  CExprPtr value;
  ast::RoundMode mode;
  int decimals;
};

// What a verdeling decided at its cut-off (ast::UnitQuery): for the group `group` gives (the frame's
// own row, or the group it belongs to), or the whole verdeling when it has no `binnen`.
struct UnitQuery {
  ast::UnitQueryKind kind;
  int definition;
  CExprPtr group;  // null without `binnen`
};

struct CExpr {
  SourceSpan span;
  Type type;
  std::variant<Literal, EntityOf, Field, ParamRef, ScalarRef, Unary, Binary, IsEmpty, If, Aggregate, Round,
               UnitQuery>
      node;
};

// ---------------------------------------------------------------- declarations

struct Parameter {
  std::string name;
  Type type;
  CExprPtr value;  // constant: literals and other parameters only
  std::string basis;
  std::vector<ast::ParameterDecl::Dated> history;  // every dated value, the one in force marked
  int article = -1;
  SourceSpan span;
};

struct Exception {
  std::string name;
  int definition = -1;
  CExprPtr condition;
  CExprPtr body;
  std::vector<int> beats;  // exceptions (indices into Program::exceptions) this one takes precedence over
  int article = -1;
  SourceSpan span;
};

struct TieKey {
  CExprPtr key;      // per entity of the subject table
  std::string text;  // as written, for explanations
  bool descending = false;
  // `lot uit KOLOM`: a whole-number column holding the order drawn by lot (1 first). It may be
  // blank: a tie it must decide among entities without a drawn number stays undecided (E0506).
  bool lot = false;
};

// A `verdeling`: the definition's value per entity is its share of `total`, apportioned by
// `method` in proportion to `weight` over the entities that meet `filter` (others get 0). With
// `within` the entities are apportioned per group: the total is computed per row of the referenced
// table and shared over the entities that refer to it.
struct Apportionment {
  ast::ApportionMethod method = ast::ApportionMethod::LargestRemainder;
  int withinColumn = -1;                      // a reference column of the subject table, or -1
  int withinTable = -1;                       // the table it refers to
  CExprPtr total;                             // per row of withinTable, or a single value
  CExprPtr weight, filter, minimum, maximum;  // per entity; filter, minimum, maximum may be null
  std::vector<TieKey> tieBreak;               // the table's key is always the last tie-break
  SourceSpan methodSpan;
  bool rescaled = false;  // `herschaald`: largest remainder's bounds by clamp-and-rescale
  // `methode restronden`: the rounds of rest units (stdlib::RestRound), each with its own filter
  // per entity, and the majority rule.
  struct Round {
    bool surplus = false;
    std::optional<std::size_t> perEntity;
    CExprPtr filter;  // may be null
  };
  std::vector<Round> rounds;
  bool majority = false;
};

struct Definition {
  std::string name;
  int subject = -1;  // table index; -1 for a single (national) value
  Type type;
  CExprPtr body;  // null for a verdeling
  std::optional<Apportionment> apportion;
  std::vector<int> exceptions;  // in declaration order
  int article = -1;
  SourceSpan span;
  // A reading's own definition (`x (lezing r)`): the keuze's parameter and the reading. It is
  // computed only while the parameter's value is that reading; `x` itself takes its value.
  int choiceParameter = -1;
  std::string alternative;
  // A definition of a keuze (`x`, taking the selected reading's value): the keuze's parameter, and
  // per reading the definition `x (lezing r)` it takes the value of.
  int selectsBy = -1;
  std::vector<std::pair<std::string, int>> readings;
};

// A `keuze`: a point the sources leave open, with its readings. Its parameter (a text, the default
// reading unless set otherwise) selects the reading the definitions of the keuze take their value from.
struct Choice {
  struct Alternative {
    std::string name, title, reasoning;
    bool isDefault = false;
    SourceSpan span;
  };
  std::string name, question;
  int article = -1;
  int parameter = -1;
  std::vector<Alternative> alternatives;
  SourceSpan span;
  const Alternative& standard() const;
  const Alternative* find(std::string_view reading) const;
};

struct Controle {
  std::string description;  // for a claim: the sentence it checks
  bool claim = false;       // a `bewering`
  std::string source;       // a claim's document
  bool reportOnly = false;  // `ter toetsing`: only reported (the claims report), never E0508
  int subject = -1;
  CExprPtr condition;
  int article = -1;
  SourceSpan span;
};

struct OutputColumn {
  std::string name;
  bool isDefinition = false;  // else a column of the subject table, or a parameter when national
  bool isParameter = false;
  int index = -1;
};

struct Output {
  std::string name;
  int subject = -1;  // -1: one row of national values
  std::optional<OutputColumn> splitBy;
  std::vector<OutputColumn> columns;
  SourceSpan span;
};

struct Program {
  ast::Header header;
  std::optional<Date> peildatum;  // the date the version was chosen for
  std::string version;            // "zoals geldig op 2024-12-20[, gewijzigd bij ...]"
  std::vector<Article> articles;
  std::vector<Table> tables;
  std::vector<Parameter> parameters;
  std::vector<Definition> definitions;
  std::vector<Exception> exceptions;
  std::vector<Controle> controles;
  std::vector<Output> outputs;
  std::vector<Choice> choices;
  std::vector<int> order;  // definitions in dependency order (inputs first)
  // What each definition reads directly (definitions and parameters), and what each parameter
  // reads (parameters): the evaluator re-evaluates only what a changed parameter reaches.
  struct Reads {
    std::vector<int> definitions, parameters;
  };
  std::vector<Reads> definitionReads;  // per definition
  std::vector<Reads> parameterReads;   // per parameter
  std::vector<int> parameterOrder;     // parameters in dependency order
  std::vector<std::uint32_t> files;

  std::string basis(int article) const;  // `art. 2.1 "title" (citation)`, or the regeling
  int table(std::string_view name) const;
  // The main value of a table's entities: the last computed column of the first output per that
  // table that has one (for a gemeente in rules/2024: besluit_totaal); -1 when no output shows one.
  int mainDefinition(int table) const;
  // The keuze whose parameter is `param`, or nullptr.
  const Choice* choiceOf(int param) const;
};

}  // namespace verdeel::check
