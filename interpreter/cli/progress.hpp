// A progress line on a terminal for the commands that go through many scenarios in one process
// (`verdeel sweep`, `verdeel keuzes`): "scenario 12 of 201 (5%)", at most ten times a second, on
// standard error, only when that is a terminal.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace verdeel::cli {

class Progress {
 public:
  // `line(done, total)` makes the text, e.g. trf("\rscenario {} of {} ({}%){}", ...).
  using Line = std::string (*)(std::size_t done, std::size_t total);
  explicit Progress(Line line) : line_(line) {}
  void operator()(std::size_t done, std::size_t total) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::fputs(line_(done, total).c_str(), stderr);
    std::fflush(stderr);
  }

 private:
  Line line_;
  bool on_ = ::isatty(2) == 1;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace verdeel::cli
