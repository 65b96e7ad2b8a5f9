// The cells of a decision table as text, row by row, in one buffer: a table of a million rows costs
// the bytes of its text and a few bytes per cell, not a string (and an allocation) per cell. Rows
// are added whole and read back as views; every row has the table's number of columns. Used by
// DecisionTable (tables.hpp) and the renderers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel::output {

class TextRows {
 public:
  // One row of cells, valid while the table is not changed.
  class Row {
   public:
    Row(const TextRows& t, std::size_t r) : t_(&t), r_(r) {}
    std::string_view operator[](std::size_t c) const { return t_->cell(r_, c); }
    std::size_t size() const { return t_->width_; }

   private:
    const TextRows* t_;
    std::size_t r_;
  };
  class Iterator {
   public:
    Iterator(const TextRows& t, std::size_t r) : t_(&t), r_(r) {}
    Row operator*() const { return Row(*t_, r_); }
    Iterator& operator++() {
      ++r_;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return r_ != o.r_; }

   private:
    const TextRows* t_;
    std::size_t r_;
  };

  template <typename Cells>
  void push_back(const Cells& cells) {
    add(cells.begin(), cells.end(), cells.size());
  }
  void push_back(const Row& row) {
    std::vector<std::string_view> cells(row.size());
    for (std::size_t c = 0; c < row.size(); ++c) cells[c] = row[c];
    add(cells.begin(), cells.end(), cells.size());
  }
  void push_back(std::initializer_list<std::string_view> cells) {
    add(cells.begin(), cells.end(), cells.size());
  }
  void reserve(std::size_t rows) {
    starts_.reserve(rows);
    ends_.reserve(rows * (width_ ? width_ : 1));
  }
  std::size_t size() const { return starts_.size(); }
  bool empty() const { return starts_.empty(); }
  std::string_view cell(std::size_t r, std::size_t c) const {
    const std::size_t first = r * width_;
    const std::size_t from = starts_[r] + (c == 0 ? 0 : ends_[first + c - 1]);
    return std::string_view(text_).substr(from, starts_[r] + ends_[first + c] - from);
  }
  Row operator[](std::size_t r) const { return Row(*this, r); }
  Iterator begin() const { return Iterator(*this, 0); }
  Iterator end() const { return Iterator(*this, size()); }
  bool operator==(const TextRows& o) const {
    return width_ == o.width_ && text_ == o.text_ && starts_ == o.starts_ && ends_ == o.ends_;
  }

 private:
  template <typename It>
  void add(It first, It last, std::size_t count) {
    if (starts_.empty() && width_ == 0) width_ = count;
    if (count != width_) throw std::logic_error("a row of a decision table has the wrong number of cells");
    starts_.push_back(text_.size());
    std::uint32_t length = 0;
    for (It it = first; it != last; ++it) {
      const std::string_view c(*it);
      text_.append(c);
      length += static_cast<std::uint32_t>(c.size());
      ends_.push_back(length);
    }
  }
  std::size_t width_ = 0;
  std::string text_;
  std::vector<std::size_t> starts_;  // per row: where its text starts
  std::vector<std::uint32_t> ends_;  // per cell: where it ends, from the start of its row
};

}  // namespace verdeel::output
