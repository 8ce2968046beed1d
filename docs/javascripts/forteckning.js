// Progressive enhancement of the förteckning table (sort and filter).
