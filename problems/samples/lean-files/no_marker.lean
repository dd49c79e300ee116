-- A file without the statement marker: reported, not fatal.
theorem lonely : True := trivial
