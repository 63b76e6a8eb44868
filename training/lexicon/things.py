"""Names of things that are not people: organizations, products, job titles, departments,
software, drugs, and plain vocabulary used in filler text."""

ORG_WORDS = [
    'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent',
    'Cyberdyne', 'Tyrell', 'Wonka', 'Monarch', 'Nakatomi', 'Oscorp', 'Pied Piper', 'Aperture',
    'Blue Harbor', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adventure Works',
    'Silverline', 'Brightpath', 'Ironwood', 'Redstone', 'Greenleaf', 'Bluebird', 'Summit',
    'Pinnacle', 'Horizon', 'Evergreen', 'Keystone', 'Cornerstone', 'Lighthouse', 'Riverbend',
    'Oakridge', 'Cedar Point', 'Granite', 'Falcon', 'Orion', 'Vertex', 'Quantum', 'Nimbus',
    'Apex', 'Zenith', 'Polaris', 'Sterling', 'Meridian', 'Atlas', 'Beacon', 'Cascade', 'Crescent',
    'Delta', 'Echo', 'Frontier', 'Harbor', 'Liberty', 'Mosaic', 'Nova', 'Pioneer', 'Sapphire',
    'Titan', 'Unity', 'Vantage', 'Willow', 'Yellowstone', 'Zephyr', 'Kestrel', 'Larkspur',
]
ORG_SUFFIXES = ['Inc.', 'Inc', 'LLC', 'Ltd', 'Ltd.', 'GmbH', 'AG', 'S.A.', 'SAS', 'S.p.A.', 'B.V.',
                'Corp.', 'Corporation', 'Group', 'Holdings', 'Partners', 'Labs', 'Systems',
                'Technologies', 'Solutions', 'Logistics', 'Analytics', 'Consulting', 'Bank',
                'Insurance', 'Foods', 'Motors', 'Pharma', 'Energy', 'Media', 'Studios', 'Capital',
                'Ventures', 'Networks', 'Software', 'Health', 'Clinic', 'Airlines', 'Telecom',
                '& Co.', '& Sons', 'Brothers', 'Associates', 'Foundation', 'Institute', 'Trust',
                'Pty Ltd', 'KK', 'Oy', 'AB', 'ASA', 'plc', 'Co., Ltd.']
ORG_PATTERNS = [
    'University of {city}', '{city} General Hospital', '{city} City Council', '{city} Public Library',
    'Bank of {city}', '{city} Community College', 'St. {saint} Hospital', "St. {saint}'s School",
    '{city} Fire Department', '{city} Police Department', 'Department of {dept}', 'Ministry of {dept}',
    '{city} Chamber of Commerce', '{city} Symphony Orchestra', '{city} Marathon', '{city} FC',
    '{city} United', 'Royal {city} Infirmary', '{country} Post', 'National Bank of {country}',
    '{surname} {suffix}', '{surname} & {surname}', '{surname}, {surname} & {surname} LLP',
    '{surname} Foundation', '{surname} Institute', 'The {surname} Group', '{surname} Motors',
    "{surname}'s Bakery", "{surname}'s Hardware", '{surname} Family Dental', '{surname} Law Firm',
    '{word} {suffix}', '{word} {word2} {suffix}', '{word}{word3}', '{word} Health', '{word} Bank',
]
SAINTS = ['Mary', 'Joseph', 'John', 'Luke', 'Patrick', 'Jude', 'Anne', 'Vincent', 'Francis',
          'Thomas', 'Michael', 'Catherine', 'Elizabeth', 'Andrew', 'George', 'Peter', 'Paul']
DEPTS = ['Health', 'Finance', 'Education', 'Transport', 'Defence', 'Justice', 'Agriculture',
         'Labor', 'Energy', 'Veterans Affairs', 'Foreign Affairs', 'Home Affairs', 'Culture']
WORD3 = ['ify', 'ly', 'io', 'hub', 'base', 'soft', 'tech', 'ware', 'net', 'works', 'stack', 'lab']
FAMOUS_ORGS = [
    'Google', 'Microsoft', 'Apple', 'Amazon', 'Netflix', 'Spotify', 'Siemens', 'Bosch', 'Nestlé',
    'Unilever', 'Toyota', 'Honda', 'Samsung', 'Sony', 'Nokia', 'Ericsson', 'Philips', 'IKEA',
    'Volvo', 'Airbus', 'Boeing', 'Pfizer', 'Novartis', 'Roche', 'Bayer', 'Shell', 'BP', 'Total',
    'Walmart', 'Costco', 'Target', 'Tesco', 'Carrefour', 'Aldi', 'Lidl', 'FedEx', 'UPS', 'DHL',
    'Visa', 'Mastercard', 'PayPal', 'Stripe', 'Shopify', 'Zoom', 'Slack', 'Atlassian', 'GitHub',
    'GitLab', 'Oracle', 'IBM', 'Intel', 'Nvidia', 'AMD', 'Dell', 'HP', 'Lenovo', 'Adobe',
    'Salesforce', 'SAP', 'Accenture', 'Deloitte', 'KPMG', 'McKinsey', 'Goldman Sachs',
    'JPMorgan Chase', 'Morgan Stanley', 'Wells Fargo', 'Barclays', 'HSBC', 'Santander', 'BNP Paribas',
    'Deutsche Bank', 'ING', 'Rabobank', 'Johnson & Johnson', 'Procter & Gamble', 'Ford', 'Chrysler',
    'Ferrari', 'Porsche', 'Lamborghini', 'McDonald\'s', 'Wendy\'s', 'Dell Technologies', 'Disney',
    'Warner Bros.', 'Paramount', 'Hilton', 'Marriott', 'Ritz-Carlton', 'Dyson', 'Cadbury', 'Heinz',
    'Kellogg\'s', 'Campbell\'s', 'Boeing', 'Lockheed Martin', 'Raytheon', 'Tata Consultancy Services',
    'Infosys', 'Wipro', 'Alibaba', 'Tencent', 'Baidu', 'Huawei', 'Xiaomi', 'Rakuten', 'Mitsubishi',
    'Hyundai', 'Kia', 'LG', 'Uber', 'Lyft', 'Airbnb', 'Booking.com', 'Expedia', 'Mayo Clinic',
    'Red Cross', 'UNICEF', 'World Health Organization', 'the WHO', 'the UN', 'NASA', 'the FBI',
    'the IRS', 'the NHS', 'Harvard', 'Stanford', 'MIT', 'Oxford', 'Cambridge', 'Yale', 'Princeton',
    'Sorbonne', 'ETH Zürich', 'Hugging Face', 'OpenStreetMap', 'Wikipedia', 'Mozilla', 'Debian',
]
PRODUCTS = [
    'iPhone 15 Pro', 'iPad Air', 'MacBook Pro', 'Galaxy S23', 'Pixel 8', 'ThinkPad X1 Carbon',
    'Surface Laptop 5', 'Kindle Paperwhite', 'Echo Dot', 'PlayStation 5', 'Xbox Series X',
    'Nintendo Switch', 'AirPods Pro', 'Apple Watch', 'Fitbit Charge 6', 'GoPro Hero 12',
    'Model 3', 'Model Y', 'Civic', 'Corolla', 'F-150', 'Golf GTI', 'Prius', 'Roomba j7',
    'Nimbus 3000', 'Aurora X2', 'Falcon Pro Max', 'Zenbook 14', 'Vostro 3520', 'Pavilion 15',
    'Windows 11', 'Office 365', 'Photoshop', 'Excel', 'Outlook', 'Teams', 'Chrome', 'Firefox',
    'Safari', 'Android 14', 'iOS 17', 'Ubuntu 22.04', 'PostgreSQL 16', 'Node.js 20', 'Python 3.12',
    'Kubernetes', 'Docker Desktop', 'Visual Studio Code', 'IntelliJ IDEA', 'TensorFlow', 'PyTorch',
    'Tylenol', 'Advil', 'Lipitor', 'Metformin', 'Amoxicillin', 'Ibuprofen', 'Lisinopril', 'Zoloft',
    'Ventolin', 'Humira', 'Ozempic', 'Coca-Cola', 'Red Bull', 'Nutella', 'Lego Technic',
    'Dyson V15', 'Instant Pot', 'Vitamix 5200', 'Weber Genesis', 'Bose QC45', 'Sonos One',
    'Pro Plan', 'Premium tier', 'Basic plan', 'Enterprise edition', 'Gold membership',
]
JOB_TITLES = [
    'Software Engineer', 'Senior Software Engineer', 'Data Scientist', 'Product Manager',
    'Project Manager', 'Registered Nurse', 'Nurse Practitioner', 'Physician Assistant',
    'Chief Executive Officer', 'CEO', 'CTO', 'CFO', 'COO', 'VP of Engineering', 'Head of Sales',
    'Sales Representative', 'Account Executive', 'Customer Success Manager', 'Support Agent',
    'HR Business Partner', 'Recruiter', 'Talent Acquisition Specialist', 'Office Manager',
    'Accountant', 'Financial Analyst', 'Legal Counsel', 'Paralegal', 'Marketing Director',
    'Graphic Designer', 'UX Researcher', 'DevOps Engineer', 'Site Reliability Engineer',
    'Security Analyst', 'Pharmacist', 'Surgeon', 'Cardiologist', 'Radiologist', 'Dentist',
    'Teacher', 'Professor', 'Teaching Assistant', 'Warehouse Associate', 'Forklift Operator',
    'Delivery Driver', 'Store Manager', 'Cashier', 'Barista', 'Chef', 'Electrician', 'Plumber',
    'Intern', 'Research Scientist', 'Lab Technician', 'Machine Learning Engineer', 'Architect',
    'Civil Engineer', 'Consultant', 'Auditor', 'Compliance Officer', 'Data Protection Officer',
    'Scrum Master', 'Technical Writer', 'QA Engineer', 'Receptionist', 'Social Worker',
]
DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'HR', 'Legal',
               'Customer Support', 'Operations', 'IT', 'Research', 'Procurement', 'Logistics',
               'Cardiology', 'Oncology', 'Radiology', 'Pediatrics', 'Emergency', 'Billing',
               'Accounts Payable', 'Facilities', 'Security', 'Compliance', 'Data Platform']
CONDITIONS = ['hypertension', 'type 2 diabetes', 'asthma', 'migraine', 'seasonal allergies',
              'a sprained ankle', 'bronchitis', 'anemia', 'hypothyroidism', 'back pain',
              'a mild concussion', 'pneumonia', 'an ear infection', 'GERD', 'eczema', 'insomnia']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']
MONTHS_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
PETS = ['Buddy', 'Max', 'Bella', 'Luna', 'Charlie', 'Rocky', 'Daisy', 'Milo', 'Coco', 'Simba']
COLORS = ['red', 'blue', 'green', 'black', 'white', 'silver', 'navy', 'beige', 'teal', 'orange']
