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
    friend class TextRows;
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
  // A row of this or another table: its text and cell ends copied as they are.
  void push_back(const Row& row) {
    if (row.t_ == this) {  // a row of this table: copied out first (the buffers may move)
      TextRows copy;
      copy.push_back(row);
      push_back(copy[0]);
      return;
    }
    const TextRows& from = *row.t_;
    if (starts_.empty() && width_ == 0) width_ = from.width_;
    if (from.width_ != width_)
      throw std::logic_error("a row of a decision table has the wrong number of cells");
    const std::size_t first = row.r_ * width_;
    const std::size_t start = from.starts_[row.r_];
    const std::size_t length = width_ == 0 ? 0 : from.ends_[first + width_ - 1];
    starts_.push_back(text_.size());
    text_.append(from.text_, start, length);
    ends_.insert(ends_.end(), from.ends_.begin() + static_cast<std::ptrdiff_t>(first),
                 from.ends_.begin() + static_cast<std::ptrdiff_t>(first + width_));
  }
  void push_back(std::initializer_list<std::string_view> cells) {
    add(cells.begin(), cells.end(), cells.size());
  }
  void reserve(std::size_t rows) {
    starts_.reserve(rows);
    ends_.reserve(rows * (width_ ? width_ : 1));
  }
  // Room for this many bytes of text in all: a table grown row by row would otherwise leave the
  // buffers it outgrew behind (about as many bytes again as it holds).
  void reserveText(std::size_t bytes) { text_.reserve(bytes); }
  std::size_t textSize() const { return text_.size(); }
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
