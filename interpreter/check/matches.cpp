// `kolom naam: tekst gelijk aan code.naam`: a column whose every cell must equal a column of the row
// a reference column of the same row names. Resolved after all tables are declared (the target table
// may come later): `via` must be a `verwijzing naar` column of this table, `other` a column of its
// target table of the same type. The cells are compared when the data is loaded (data/load.cpp).
#include "check/checker.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

void Checker::columnMatches() {
  for (const ast::TableDecl& t : rs_.tables) {
    const int ti = p_.table(t.name.name);
    if (ti < 0) continue;
    Table& table = p_.tables[static_cast<std::size_t>(ti)];
    for (const ast::ColumnDecl& c : t.columns) {
      if (!c.matchVia) continue;
      const int ci = table.column(c.name.name);
      if (ci < 0) continue;
      const int via = table.column(c.matchVia->name);
      if (via < 0) {
        auto& d = diags_.report(Code::E0209, c.matchVia->span,
                                trf("`{}` is not a column of table `{}`", c.matchVia->name, t.name.name));
        d.help =
            tr("after `gelijk aan` name a `verwijzing naar` column of this table and a column of the "
               "table it refers to, for example `gelijk aan code.naam`");
        continue;
      }
      const Type& ref = table.columns[static_cast<std::size_t>(via)].type;
      if (ref.kind != Kind::Entity) {
        auto& d = diags_.report(Code::E0209, c.matchVia->span,
                                trf("`{}` is a column of type {}, not a `verwijzing naar` another table",
                                    c.matchVia->name, tname(ref)));
        d.help =
            tr("after `gelijk aan` name a `verwijzing naar` column of this table and a column of the "
               "table it refers to, for example `gelijk aan code.naam`");
        continue;
      }
      const Table& target = p_.tables[static_cast<std::size_t>(ref.table)];
      const int other = target.column(c.matchColumn->name);
      if (other < 0) {
        auto& d = diags_.report(Code::E0209, c.matchColumn->span,
                                trf("`{}` is not a column of table `{}`", c.matchColumn->name, target.name));
        std::vector<std::string> names;
        for (const Column& col : target.columns) names.push_back(col.name);
        if (auto m = closestMatch(c.matchColumn->name, names); !m.empty())
          d.help = trf("did you mean `{}`?", m);
        continue;
      }
      const Type& want = target.columns[static_cast<std::size_t>(other)].type;
      const Type& have = table.columns[static_cast<std::size_t>(ci)].type;
      if (want.kind != have.kind || want.table != have.table) {
        diags_.report(Code::E0209, c.matchColumn->span,
                      trf("`{}` is a {} and `{}.{}` a {}: they can never be equal", c.name.name, tname(have),
                          target.name, c.matchColumn->name, tname(want)));
        continue;
      }
      table.columns[static_cast<std::size_t>(ci)].matchVia = via;
      table.columns[static_cast<std::size_t>(ci)].matchColumn = other;
    }
  }
}

}  // namespace verdeel::check
