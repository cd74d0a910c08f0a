"""Full screens: choosing a scenario, practising it, and its summary."""
